import { demoCategoryTree } from './categories';
import { createRng, fmix32, hash32, type Rng } from './random';
import { brandWords, industries, places, type Industry, type Place } from './seller-words';

/**
 * Demo suppliers, shaped like the seller block of a 1688 product detail: `sellerUserId`
 * (10 digits), `sellerMemberId` (`b2b-` + user id + 5 hex, as in 1688's order push messages)
 * and `sellerLoginId` (the shop's login name, usually Chinese on 1688).
 */
export type DemoSeller = {
  userId: string;
  memberId: string;
  loginId: string;
  /** Registered company name, what 1688 shows as the supplier (the `sellers.name` column). */
  name: string;
  /** Its customary English rendering (pinyin + trade), for the `sellers.name_en` column. */
  nameEn: string;
  province: string;
  city: string;
  /** `浙江 义乌`: what 1688 shows as the shipping origin. */
  location: string;
  /** Service rating, stars × 10 (10–50), the unit the `sellers.rating` column stores. */
  rating: number;
  /** Years as a paying 诚信通 member, shown as a trust badge on 1688. */
  memberYears: number;
  /** The top-level category the seller trades in. */
  categorySlug: string;
};

export const DEMO_SELLER_COUNT = 200;

const ratings: readonly (readonly [number, number])[] = [
  [50, 30], [45, 35], [40, 20], [35, 9], [30, 4], [20, 1], [10, 1],
];

/** Sellers per top-level category, proportional to its share of offers but never fewer than 6. */
function sellerQuota(): { slug: string; count: number }[] {
  const total = demoCategoryTree.reduce((sum, c) => sum + c.weight, 0);
  const quota = demoCategoryTree.map((c) => ({ slug: c.slug, count: Math.max(6, Math.round((c.weight / total) * DEMO_SELLER_COUNT)) }));
  // Trim or pad the biggest categories so the total is exactly DEMO_SELLER_COUNT.
  let diff = DEMO_SELLER_COUNT - quota.reduce((sum, q) => sum + q.count, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % quota.length) {
    const q = quota[i] as { count: number };
    const step = Math.sign(diff);
    if (q.count + step >= 6) {
      q.count += step;
      diff -= step;
    }
  }
  return quota;
}

function companyName(rng: Rng, industry: Industry, place: Place, brand: readonly [string, string]): [string, string] {
  const [brandZh, brandEn] = brand;
  const district = place.districts.length > 0 && rng.chance(0.5) ? rng.pick(place.districts) : null;
  // County-level cities (晋江市) and counties (桐庐县) lead the name on their own.
  const isCounty = district !== null && /[市县]$/.test(district[0]);
  const prefixZh = isCounty ? district[0] : `${place.city}市${district?.[0] ?? ''}`;
  const prefixEn = isCounty ? district[1] : `${place.cityEn}${district ? ` ${district[1]}` : ''}`;
  const form = rng.weighted<'company' | 'factory' | 'ecommerce' | 'trading'>([
    ['company', 6], ['factory', 3], ['ecommerce', 1], ['trading', 1],
  ]);
  if (form === 'factory') {
    const [zh, en] = rng.pick(industry.factory);
    return [`${prefixZh}${brandZh}${zh}`, `${prefixEn} ${brandEn} ${en}`];
  }
  if (form === 'ecommerce') return [`${prefixZh}${brandZh}电子商务有限公司`, `${prefixEn} ${brandEn} E-commerce Co., Ltd.`];
  const [zh, en] = rng.pick(industry.company);
  // 服饰贸易商行 would say "trading" twice.
  if (form === 'trading') return [`${prefixZh}${brandZh}${zh.replace('贸易', '')}商行`, `${prefixEn} ${brandEn} ${en.replace(' Trading', '')} Trading Firm`];
  return [`${prefixZh}${brandZh}${zh}有限公司`, `${prefixEn} ${brandEn} ${en} Co., Ltd.`];
}

function buildSellers(seed: string): DemoSeller[] {
  const rng = createRng(`${seed}:sellers`);
  const names = new Set<string>();
  const logins = new Set<string>();
  const sellers: DemoSeller[] = [];
  for (const { slug, count } of sellerQuota()) {
    const industry = industries[slug];
    if (!industry) throw new Error(`No seller industry for category "${slug}"`);
    for (let n = 0; n < count; n++) {
      const place = places[rng.pick(industry.places)];
      let brand = rng.pick(brandWords);
      let name = companyName(rng, industry, place, brand);
      // Registries forbid duplicate company names and 1688 duplicate login ids: redraw until both
      // are free (55 trade names × 14 trades leave plenty of room for 200 sellers).
      for (let attempt = 0; names.has(name[0]) || (attempt < 500 && logins.has(`${brand[0]}${industry.shop}`)); attempt++) {
        brand = rng.pick(brandWords);
        name = companyName(rng, industry, place, brand);
      }
      names.add(name[0]);
      // Should a trade ever outgrow the name pool, number the login like 1688 users do (佳禾服饰2).
      let loginId = `${brand[0]}${industry.shop}`;
      for (let k = 2; logins.has(loginId); k++) loginId = `${brand[0]}${industry.shop}${k}`;
      logins.add(loginId);

      const i = sellers.length;
      // An odd multiplier makes i → userId a bijection mod 2^30: unique by construction, 10 digits.
      const userId = String(2_200_000_000 + ((Math.imul(i, 0x2f0b3c9d) ^ hash32(seed)) & 0x3fffffff));
      const memberId = `b2b-${userId}${(fmix32(Number(userId.slice(-9)) ^ 0x5eed) & 0xfffff).toString(16).padStart(5, '0')}`;
      sellers.push({
        userId,
        memberId,
        loginId,
        name: name[0],
        nameEn: name[1],
        province: place.province,
        city: place.city,
        location: `${place.province} ${place.city}`,
        rating: rng.weighted(ratings),
        memberYears: rng.int(1, 16),
        categorySlug: slug,
      });
    }
  }
  return sellers;
}

type SellerDirectory = { all: readonly DemoSeller[]; byCategory: ReadonlyMap<string, readonly DemoSeller[]> };
const cache = new Map<string, SellerDirectory>();

function directory(seed: string): SellerDirectory {
  let dir = cache.get(seed);
  if (!dir) {
    const all = buildSellers(seed);
    const byCategory = new Map<string, DemoSeller[]>();
    for (const s of all) byCategory.set(s.categorySlug, [...(byCategory.get(s.categorySlug) ?? []), s]);
    dir = { all, byCategory };
    // A process uses one or two seeds; the bound only guards against a caller looping over seeds.
    if (cache.size > 16) cache.clear();
    cache.set(seed, dir);
  }
  return dir;
}

/** All demo sellers for a catalog seed, in a stable order. */
export function getDemoSellers(seed: string): readonly DemoSeller[] {
  return directory(seed).all;
}

/** The sellers trading in one top-level category. */
export function demoSellersFor(seed: string, topCategorySlug: string): readonly DemoSeller[] {
  const sellers = directory(seed).byCategory.get(topCategorySlug);
  if (!sellers || sellers.length === 0) throw new Error(`No demo sellers for category "${topCategorySlug}"`);
  return sellers;
}
