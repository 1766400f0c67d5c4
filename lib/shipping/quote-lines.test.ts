import { describe, expect, it } from 'vitest';
import { basisPointsToPercent, insurancePremium, ineligibility, linePrice, quoteLines } from './quote-lines';
import type { QuoteRate, ShippingLineRule, ShippingQuoteRequest } from './types';

const line = (over: Partial<ShippingLineRule> & Pick<ShippingLineRule, 'id' | 'code'>): ShippingLineRule => ({
  name: over.code,
  names: {},
  carrier: 'Carrier',
  isActive: true,
  isTaxIncluded: false,
  countries: ['US', 'DE', 'FR', 'JP'],
  volumetricDivisor: 5000,
  firstWeightGrams: 500,
  firstPriceCny: 18_000,
  continuedUnitGrams: 500,
  continuedPriceCny: 4_500,
  fuelSurchargeBp: 0,
  minWeightGrams: 0,
  maxWeightGrams: 30_000,
  maxLongestSideCm: 120,
  maxLengthGirthCm: 300,
  refusedGoods: [],
  daysMin: 3,
  daysMax: 6,
  insuranceRateBp: 0,
  insuranceMinCny: 0,
  sortOrder: 0,
  ...over,
});

const express = line({ id: 1, code: 'express', name: 'Express', names: { 'zh-CN': '国际快递' }, fuelSurchargeBp: 1_850, refusedGoods: ['battery', 'liquid', 'powder'], sortOrder: 10 });
const ems = line({ id: 2, code: 'ems', volumetricDivisor: 6000, firstPriceCny: 13_000, continuedPriceCny: 3_500, maxLongestSideCm: 150, refusedGoods: ['battery', 'liquid', 'powder', 'magnet'], daysMin: 7, daysMax: 15, sortOrder: 20 });
const economy = line({ id: 3, code: 'economy', volumetricDivisor: 8000, firstPriceCny: 7_500, continuedPriceCny: 2_800, maxWeightGrams: 20_000, maxLongestSideCm: 105, maxLengthGirthCm: 200, refusedGoods: ['battery', 'liquid', 'powder', 'magnet', 'brand'], daysMin: 12, daysMax: 25, sortOrder: 30 });
const euOnly = line({ id: 4, code: 'eu', countries: ['DE', 'FR'], isTaxIncluded: true, volumetricDivisor: 6000, firstPriceCny: 9_500, continuedPriceCny: 3_800, fuelSurchargeBp: 500, sortOrder: 40 });
const battery = line({ id: 5, code: 'battery', volumetricDivisor: 6000, firstPriceCny: 11_000, continuedPriceCny: 4_200, fuelSurchargeBp: 1_000, refusedGoods: ['liquid', 'powder', 'brand'], daysMin: 10, daysMax: 18, sortOrder: 50 });
const sea = line({ id: 6, code: 'sea', volumetricDivisor: null, firstWeightGrams: 10_000, firstPriceCny: 30_000, continuedUnitGrams: 1_000, continuedPriceCny: 1_800, minWeightGrams: 10_000, maxWeightGrams: 100_000, maxLongestSideCm: 200, maxLengthGirthCm: null, daysMin: 35, daysMax: 60, sortOrder: 60 });
const retired = line({ id: 7, code: 'retired', isActive: false, firstPriceCny: 1 });
const all = [sea, battery, euOnly, economy, ems, express, retired];

const cny: QuoteRate = { currency: 'CNY', rate: '1', source: 'identity', capturedAt: '1970-01-01T00:00:00.000Z' };
const eur: QuoteRate = { currency: 'EUR', rate: '0.128', source: 'test', capturedAt: '2026-01-01T00:00:00.000Z' };
const request = (over: Partial<ShippingQuoteRequest> = {}): ShippingQuoteRequest => ({
  country: 'DE',
  grams: 1200,
  dims: { lengthCm: 30, widthCm: 20, heightCm: 10 },
  goods: [],
  currency: 'CNY',
  ...over,
});

describe('linePrice', () => {
  it('is the first price plus the continued units, plus the fuel surcharge rounded half-even once', () => {
    // Express, 1,500 g chargeable: 180 + 2 × 45 = 270 yuan, + 18.5 % = 319.50 yuan.
    expect(linePrice(express, 2)).toMatchObject({ base: { amountMinor: 27_000 }, fuel: { amountMinor: 4_995 }, total: { amountMinor: 31_995 } });
    // 0.5 fen surcharges round to the even fen: 1 fen × 50 % = 0.5 → 0; 3 fen × 50 % = 1.5 → 2.
    const half = { firstPriceCny: 1, continuedPriceCny: 2, fuelSurchargeBp: 5_000 };
    expect(linePrice(half, 0).total.amountMinor).toBe(1);
    expect(linePrice(half, 1).total.amountMinor).toBe(5);
    // 12.34 % of 999 fen = 123.2766 → 123.
    expect(linePrice({ firstPriceCny: 999, continuedPriceCny: 0, fuelSurchargeBp: 1_234 }, 0).fuel.amountMinor).toBe(123);
    expect(linePrice({ firstPriceCny: 999, continuedPriceCny: 0, fuelSurchargeBp: 0 }, 0).fuel.amountMinor).toBe(0);
  });

  it('reads basis points as a percentage without floats', () => {
    expect(['1850', '7', '0', '10000', '125'].map((bp) => basisPointsToPercent(Number(bp)))).toEqual(['18.50', '0.07', '0.00', '100.00', '1.25']);
    expect(() => basisPointsToPercent(-1)).toThrow(RangeError);
    expect(() => basisPointsToPercent(1.5)).toThrow(RangeError);
  });
});

describe('insurancePremium', () => {
  it('is the rate times the declared value, at least the minimum, and none where the line does not insure', () => {
    expect(insurancePremium({ insuranceRateBp: 100, insuranceMinCny: 1_000 }, 250_000)?.amountMinor).toBe(2_500);
    expect(insurancePremium({ insuranceRateBp: 100, insuranceMinCny: 1_000 }, 50_000)?.amountMinor).toBe(1_000);
    // 1.5 % of 333 fen = 4.995 → 5.
    expect(insurancePremium({ insuranceRateBp: 150, insuranceMinCny: 0 }, 333)?.amountMinor).toBe(5);
    expect(insurancePremium({ insuranceRateBp: 0, insuranceMinCny: 1_000 }, 50_000)).toBeNull();
  });
});

describe('ineligibility', () => {
  it('names the destination, the refused goods, the weight and the size limits, in that order', () => {
    const reasons = ineligibility(economy, request({ country: 'KZ', goods: ['battery', 'brand', 'battery'], grams: 25_000, dims: { lengthCm: 110, widthCm: 30, heightCm: 30 } }));
    expect(reasons).toEqual([
      { code: 'destination_not_served', country: 'KZ' },
      { code: 'refused_goods', goods: ['battery', 'brand'] },
      { code: 'over_max_weight', grams: 25_000, limitGrams: 20_000 },
      { code: 'longest_side_exceeded', cm: 110, limitCm: 105 },
      { code: 'length_girth_exceeded', cm: 230, limitCm: 200 },
    ]);
  });

  it('holds exactly at each limit and refuses one past it', () => {
    expect(ineligibility(economy, request({ grams: 20_000, dims: { lengthCm: 105, widthCm: 25, heightCm: 22.5 } }))).toEqual([]);
    expect(ineligibility(economy, request({ grams: 20_001 })).map((r) => r.code)).toEqual(['over_max_weight']);
    // 100 + 2 × (25 + 25) = 200: at the limit; one more cm of height is over it.
    expect(ineligibility(economy, request({ dims: { lengthCm: 100, widthCm: 25, heightCm: 25 } }))).toEqual([]);
    expect(ineligibility(economy, request({ dims: { lengthCm: 100, widthCm: 25, heightCm: 26 } }))).toEqual([{ code: 'length_girth_exceeded', cm: 202, limitCm: 200 }]);
    expect(ineligibility(sea, request({ grams: 9_999 }))).toEqual([{ code: 'under_min_weight', grams: 9_999, limitGrams: 10_000 }]);
    expect(ineligibility(sea, request({ grams: 10_000 }))).toEqual([]);
  });

  it('checks no size without a box, and no limit the line does not set', () => {
    expect(ineligibility(economy, request({ dims: null }))).toEqual([]);
    expect(ineligibility(sea, request({ grams: 50_000, dims: { lengthCm: 200, widthCm: 150, heightCm: 150 } }))).toEqual([]);
  });
});

describe('quoteLines', () => {
  it('prices every line that takes the parcel, cheapest first, and lists the others with their first reason', () => {
    const result = quoteLines(all, request(), cny);
    expect(result.quotes.map((q) => [q.code, q.chargeableGrams, q.priceCny.amountMinor])).toEqual([
      ['economy', 1500, 13_100], // 75 + 2 × 28
      ['eu', 1500, 17_955], // (95 + 2 × 38) × 1.05 = 179.55
      ['ems', 1500, 20_000], // 130 + 2 × 35
      ['battery', 1500, 21_340], // (110 + 2 × 42) × 1.10
      ['express', 1500, 31_995], // (180 + 2 × 45) × 1.185
    ]);
    expect(result.quotes.every((q) => q.price.currency === 'CNY' && q.price.amountMinor === q.priceCny.amountMinor)).toBe(true);
    expect(result.unavailable).toEqual([
      { lineId: 6, code: 'sea', name: 'sea', reason: 'under_min_weight', message: 'Takes parcels from 10 kg; this one weighs 1.2 kg', reasons: [{ code: 'under_min_weight', grams: 1200, limitGrams: 10_000 }] },
    ]);
    // An inactive line is neither offered nor listed.
    expect([...result.quotes.map((q) => q.code), ...result.unavailable.map((u) => u.code)]).not.toContain('retired');
  });

  it('converts each CNY price once to the requested currency at the given rate', () => {
    const result = quoteLines(all, request({ currency: 'EUR' }), eur);
    const express1500 = result.quotes.find((q) => q.code === 'express')!;
    // 319.95 yuan × 0.128 = 40.9536 EUR → 40.95.
    expect(express1500.price).toEqual({ amountMinor: 4_095, currency: 'EUR' });
    expect(express1500.priceCny).toEqual({ amountMinor: 31_995, currency: 'CNY' });
    expect(result.rate).toBe(eur);
    expect(() => quoteLines(all, request({ currency: 'USD' }), eur)).toThrow(RangeError);
  });

  it('sends batteries only on the line that takes them, and names the goods each other line refuses', () => {
    const result = quoteLines(all, request({ country: 'US', goods: ['battery'] }), cny);
    expect(result.quotes.map((q) => q.code)).toEqual(['battery']);
    const refused = result.unavailable.filter((u) => u.reason === 'refused_goods');
    expect(refused.map((u) => u.code).sort()).toEqual(['economy', 'ems', 'express']);
    expect(refused[0]!.message).toBe('Refused goods: battery');
    expect(result.unavailable.find((u) => u.code === 'eu')).toMatchObject({ reason: 'destination_not_served', message: 'Does not deliver to US' });
  });

  it('a bulky light parcel is cheapest on the line with the largest divisor, and free of it without one', () => {
    const result = quoteLines([express, ems, economy, sea], request({ country: 'US', grams: 300, dims: { lengthCm: 50, widthCm: 40, heightCm: 30 } }), cny);
    expect(result.quotes.map((q) => [q.code, q.volumetricGrams, q.chargeableGrams])).toEqual([
      ['economy', 7_500, 7_500],
      ['ems', 10_000, 10_000],
      ['express', 12_000, 12_000],
    ]);
  });

  it('names lines in the requested locale where they have a name for it', () => {
    const result = quoteLines([express, ems], request({ locale: 'zh-CN' }), cny);
    expect(result.quotes.map((q) => q.name).sort()).toEqual(['ems', '国际快递']);
    expect(quoteLines([express], request({ locale: 'ja' }), cny).quotes[0]!.name).toBe('Express');
  });

  it('adds insurance on a declared value, in CNY and the requested currency', () => {
    const insured = line({ id: 8, code: 'insured', insuranceRateBp: 100, insuranceMinCny: 1_000 });
    const [quote] = quoteLines([insured], request({ currency: 'EUR', declaredValueCny: 250_000 }), eur).quotes;
    expect(quote!.insuranceCny).toEqual({ amountMinor: 2_500, currency: 'CNY' });
    expect(quote!.insurance).toEqual({ amountMinor: 320, currency: 'EUR' });
    expect(quoteLines([insured], request(), cny).quotes[0]!.insuranceCny).toBeNull();
  });

  it('ties in price go to the faster line, then to the agent’s order', () => {
    const slow = line({ id: 9, code: 'slow', daysMax: 20, sortOrder: 1 });
    const fast = line({ id: 10, code: 'fast', daysMax: 5, sortOrder: 2 });
    const also = line({ id: 11, code: 'also', daysMax: 5, sortOrder: 3 });
    expect(quoteLines([also, slow, fast], request(), cny).quotes.map((q) => q.code)).toEqual(['fast', 'also', 'slow']);
  });
});
