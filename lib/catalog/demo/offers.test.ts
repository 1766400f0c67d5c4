import { describe, expect, it } from 'vitest';
import { demoLeafCategories } from './categories';
import { demoColours } from './colours';
import { demoOfferId, demoOfferIndex, demoSkuBase, demoSpecId } from './ids';
import { decodeDemoImageUrl } from './image-urls';
import { DEFAULT_DEMO_SEED, generateOffer, generateOffers, type DemoOffer } from './offers';
import { vocabularyFor } from './vocabulary';

const han = /\p{Script=Han}/u;
const sample: DemoOffer[] = [...generateOffers({ count: 2000 })];

describe('demo offers: determinism', () => {
  it('gives identical JSON for the same seed, and a different catalog for another seed', () => {
    const first = JSON.stringify([...generateOffers({ seed: 'det', count: 51 })]);
    const again = JSON.stringify(Array.from({ length: 51 }, (_, i) => generateOffer('det', i)));
    expect(again).toBe(first);
    const other = [...generateOffers({ seed: 'det-2', count: 51 })];
    expect(JSON.stringify(other)).not.toBe(first);
    expect(other.map((o) => o.subject)).not.toEqual(JSON.parse(first).map((o: DemoOffer) => o.subject));
  });

  it('streams from any start index', () => {
    const [offer] = [...generateOffers({ count: 1, start: 1234 })];
    expect(offer).toEqual(generateOffer(DEFAULT_DEMO_SEED, 1234));
  });

  it('rejects indexes it cannot map to unique ids', () => {
    expect(() => generateOffer('x', -1)).toThrow(RangeError);
    expect(() => generateOffer('x', 1.5)).toThrow(RangeError);
  });
});

describe('demo offers: shape', () => {
  it('derives offer and SKU ids from the index', () => {
    sample.slice(0, 200).forEach((offer, i) => {
      expect(offer.offerId).toBe(demoOfferId(DEFAULT_DEMO_SEED, i));
      expect(offer.detailUrl).toBe(`https://detail.1688.com/offer/${offer.offerId}.html`);
      offer.skus.forEach((sku, k) => {
        expect(sku.skuId).toBe(String(demoSkuBase(DEFAULT_DEMO_SEED, i) + k));
        expect(sku.specId).toMatch(/^[0-9a-f]{32}$/);
      });
    });
  });

  it('has 1–30 SKUs forming a cartesian product of at most two dimensions', () => {
    for (const offer of sample) {
      expect(offer.skus.length).toBeGreaterThanOrEqual(1);
      expect(offer.skus.length).toBeLessThanOrEqual(30);
      const combos = offer.skus.map((s) => JSON.stringify(s.attributes));
      expect(new Set(combos).size).toBe(combos.length);
      const dims = new Map<string, Set<string>>();
      for (const sku of offer.skus) {
        expect(sku.attributes.length).toBeLessThanOrEqual(2);
        for (const a of sku.attributes) dims.set(a.name, (dims.get(a.name) ?? new Set()).add(a.value));
      }
      const product = [...dims.values()].reduce((n, values) => n * values.size, 1);
      expect(product).toBe(offer.skus.length);
    }
  });

  it('has 3–8 distinct demo images, and each colour SKU points at a picture in its colour', () => {
    for (const offer of sample) {
      expect(offer.images.length).toBeGreaterThanOrEqual(3);
      expect(offer.images.length).toBeLessThanOrEqual(8);
      expect(new Set(offer.images).size).toBe(offer.images.length);
      for (const url of offer.images) expect(decodeDemoImageUrl(url)?.motif).toBe(vocabularyFor(offer.categorySlug).motif);
      for (const sku of offer.skus) {
        const colour = sku.attributes.find((a) => a.name === '颜色' || a.name === '色号');
        if (!colour) continue;
        const image = offer.images[sku.imageIndex ?? -1];
        expect(image, offer.offerId).toBeDefined();
        const spec = decodeDemoImageUrl(image as string);
        expect(demoColours[spec?.colour ?? -1]?.zh).toBe(colour.value);
      }
    }
  });

  it('keeps prices, stock, weight and freight in realistic ranges', () => {
    let soldOut = 0;
    let skuCount = 0;
    for (const offer of sample) {
      const v = vocabularyFor(offer.categorySlug);
      const cheapest = Math.min(...offer.skus.map((s) => s.priceFen));
      expect(cheapest).toBeGreaterThanOrEqual(Math.floor(v.priceYuan[0] * 100 * 0.9));
      expect(Number.isInteger(cheapest)).toBe(true);
      for (const sku of offer.skus) {
        skuCount++;
        if (sku.amountOnSale === 0) soldOut++;
        else expect(sku.amountOnSale).toBeGreaterThanOrEqual(50);
        expect(sku.amountOnSale).toBeLessThanOrEqual(9999);
      }
      expect(offer.unitWeightGrams).toBeGreaterThanOrEqual(v.weightGrams[0] - 5);
      expect(offer.unitWeightGrams).toBeLessThanOrEqual(v.weightGrams[1] + 5);
      expect(offer.freightFen).toBeGreaterThanOrEqual(0);
      expect(offer.freightFen).toBeLessThanOrEqual(1200);
      expect(offer.freightFen % 50).toBe(0);
    }
    expect(soldOut / skuCount).toBeGreaterThan(0.02);
    expect(soldOut / skuCount).toBeLessThan(0.12);
    const medianYuan = sample.map((o) => Math.min(...o.skus.map((s) => s.priceFen)) / 100).sort((a, b) => a - b)[sample.length / 2] ?? 0;
    expect(medianYuan).toBeGreaterThan(3);
    expect(medianYuan).toBeLessThan(120);
  });

  it('prices a bigger size or capacity no lower than a smaller one', () => {
    for (const offer of sample) {
      const byColour = new Map<string, number[]>();
      for (const sku of offer.skus) {
        const key = sku.attributes.length === 2 ? (sku.attributes[0]?.value ?? '') : '';
        byColour.set(key, [...(byColour.get(key) ?? []), sku.priceFen]);
      }
      for (const prices of byColour.values()) expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    }
  });

  it('writes Chinese titles of at most 60 characters and 1688-style attributes', () => {
    for (const offer of sample) {
      expect(offer.subject).toMatch(han);
      expect(offer.subject.length).toBeLessThanOrEqual(60);
      expect(offer.description).toMatch(/^【商品名称】/);
      const origin = offer.attributes.find((a) => a.name === '产地')?.value;
      expect(origin).toBe(`${offer.seller.province}${offer.seller.city}`);
      expect(new Set(offer.attributes.map((a) => a.name)).size).toBe(offer.attributes.length);
      expect(offer.modifiedAt).toMatch(/^2025-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      // Sellers trade in the offer's own top-level category (a dress is not sold by a car-parts shop).
      expect(offer.seller.categorySlug).toBe(demoLeafCategories.find((l) => l.slug === offer.categorySlug)?.parent.slug);
    }
  });
});

describe('demo offers: ids over 100,000 offers', () => {
  const seed = DEFAULT_DEMO_SEED;
  const count = 100_000;

  it('gives unique 12-digit offer ids and disjoint 13-digit SKU id blocks', () => {
    const offerIds = new Set<string>();
    const skuBlocks = new Set<number>();
    let malformed = 0;
    // Plain checks in the loop (an expect() per id would dominate the run time).
    for (let i = 0; i < count; i++) {
      const id = demoOfferId(seed, i);
      if (!/^6\d{11}$/.test(id)) malformed++;
      offerIds.add(id);
      const base = demoSkuBase(seed, i);
      // Blocks are 32 apart and an offer uses at most 30 ids, so distinct bases mean distinct SKUs.
      if (base % 32 !== 0) malformed++;
      skuBlocks.add(base);
    }
    expect(malformed).toBe(0);
    expect(offerIds.size).toBe(count);
    expect(skuBlocks.size).toBe(count);
    const last = demoSkuBase(seed, count - 1) + 29;
    expect(String(last)).toMatch(/^\d{13}$/);
  });

  it('maps offer ids back to their index', () => {
    for (const i of [0, 1, 2, 99_999, 54_321, 31_249_999_999]) expect(demoOfferIndex(seed, demoOfferId(seed, i))).toBe(i);
    expect(demoOfferIndex(seed, '123')).toBeNull();
    expect(demoOfferIndex(seed, '709064030216')).toBeNull();
  });

  it('gives unique spec ids across many SKUs', () => {
    const specIds = new Set<string>();
    let n = 0;
    for (let i = 0; i < 20_000; i++) {
      const base = demoSkuBase(seed, i);
      for (let k = 0; k < 10; k++, n++) specIds.add(demoSpecId(seed, base + k));
    }
    expect(specIds.size).toBe(n);
  });
});
