import { demoLeafCategories } from './categories';
import { demoOfferId, demoSkuBase } from './ids';
import { chooseTitleWords, writeDescription, writeTitle } from './listing-text';
import { pickOfferImages } from './offer-images';
import { createRng, type Rng } from './random';
import { demoSellersFor, type DemoSeller } from './sellers';
import { buildSkus, planSkus, type DemoSku, type PriceEnding } from './skus';
import { brandValues, crossBorderAttribute, vocabularyFor } from './vocabulary';

/**
 * The demo catalog: offers shaped like a 1688 product detail (not like Ferry's database rows),
 * so the seed can map them the way the real connector maps 1688, and the 1688 sandbox can
 * serve them over the real protocol. Offer `index` fully determines the offer: any offer can
 * be regenerated alone, which is what makes 100k offers cheap to stream and to serve.
 */

export const DEFAULT_DEMO_SEED = 'ferry-demo';

export type DemoOffer = {
  /** 12 digits starting with 6, unique per (seed, index). */
  offerId: string;
  subject: string;
  /** The leaf category's 1688-style id. */
  categoryId: string;
  categorySlug: string;
  seller: DemoSeller;
  detailUrl: string;
  /** 3–8 demo CDN URLs; the first is the main image. */
  images: string[];
  attributes: { name: string; value: string }[];
  /** 1–30 SKUs: the cartesian product of colour and at most one other spec, trimmed. */
  skus: DemoSku[];
  /** 1688's measure word for the offer (件 双 个 …). */
  unit: string;
  unitWeightGrams: number;
  /** Domestic shipping to a warehouse in China, CNY fen (0 = 包邮). */
  freightFen: number;
  description: string;
  soldCount: number;
  modifiedAt: string;
};

export type { DemoSku, DemoSkuAttribute } from './skus';

const leafWeights = demoLeafCategories.map((leaf) => [leaf, leaf.parent.weight / leaf.parent.children.length] as const);

/** modifiedAt falls in the 270 days from here: fixed, so output never depends on the clock. */
const MODIFIED_FROM = Date.UTC(2025, 0, 1);

function cargoNumber(rng: Rng): string {
  const letters = 'ABCDFGHJKLMSTXYZ';
  const letter = () => letters[rng.int(0, letters.length - 1)] as string;
  switch (rng.int(0, 3)) {
    case 0:
      return `${letter()}${rng.int(100, 9999)}`;
    case 1:
      return `${letter()}${letter()}-${rng.int(1000, 9999)}`;
    case 2:
      return `${rng.int(1000, 99999)}#`;
    default:
      return String(rng.int(100000, 999999));
  }
}

export function generateOffer(seed: string, index: number): DemoOffer {
  const offerId = demoOfferId(seed, index); // validates the index
  const rng = createRng(`${seed}:offer:${index}`);
  const leaf = rng.weighted(leafWeights);
  const v = vocabularyFor(leaf.slug);
  const seller = rng.pick(demoSellersFor(seed, leaf.parent.slug));

  const words = chooseTitleWords(rng, v);
  const subject = writeTitle(rng, v, words);
  const plan = planSkus(rng, v);
  const { images, imageIndexByColour } = pickOfferImages(rng, v, plan.colours);

  // Skewed toward the cheap end, as wholesale listings are.
  const [minYuan, maxYuan] = v.priceYuan;
  const basePrice = minYuan * (maxYuan / minYuan) ** (rng.next() ** 1.4);
  const ending = rng.weighted<PriceEnding>([[0, 4], [1, 3], [2, 2]]);
  const skus = buildSkus(rng, seed, demoSkuBase(seed, index), plan, basePrice, ending, imageIndexByColour);

  const origin = `${seller.province}${seller.city}`;
  const attributes: { name: string; value: string }[] = [
    { name: '品牌', value: rng.weighted(brandValues) },
    { name: '货号', value: cargoNumber(rng) },
  ];
  if (words.material) attributes.push({ name: '材质', value: words.material });
  if (words.style) attributes.push({ name: '风格', value: words.style });
  if (words.season) attributes.push({ name: '适用季节', value: words.season });
  for (const choice of v.attributes) {
    if (!attributes.some((a) => a.name === choice.name)) attributes.push({ name: choice.name, value: rng.pick(choice.values) });
  }
  attributes.push({ name: '产地', value: origin });
  attributes.push({ name: crossBorderAttribute, value: words.isCrossBorder ? '是' : '否' });

  const specLines = [
    ...(plan.colourSpec !== null ? [{ name: plan.colourSpec, values: plan.colours }] : []),
    ...(plan.spec ? [{ name: plan.spec.dimension.name, values: plan.spec.values }] : []),
  ];
  const [minGrams, maxGrams] = v.weightGrams;
  const [minFreight, maxFreight] = v.freightYuan;

  return {
    offerId,
    subject,
    categoryId: leaf.categoryId,
    categorySlug: leaf.slug,
    seller,
    detailUrl: `https://detail.1688.com/offer/${offerId}.html`,
    images,
    attributes,
    skus,
    unit: v.unit,
    unitWeightGrams: Math.round(rng.int(minGrams, maxGrams) / 5) * 5 || 5,
    freightFen: rng.chance(0.15) ? 0 : Math.round((minFreight + rng.next() * (maxFreight - minFreight)) * 2) * 50,
    description: writeDescription(rng, v, words, specLines, origin),
    soldCount: rng.chance(0.1) ? 0 : Math.floor(10 ** (4.7 * rng.next() ** 1.3)),
    modifiedAt: new Date(MODIFIED_FROM + rng.int(0, 270 * 86_400) * 1000).toISOString(),
  };
}

/**
 * Offers `start … start+count-1`, one at a time: constant memory however large `count` is.
 */
export function* generateOffers(opts: { seed?: string; count: number; start?: number }): Generator<DemoOffer> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const start = opts.start ?? 0;
  for (let i = start; i < start + opts.count; i++) yield generateOffer(seed, i);
}
