import { describe, expect, it } from 'vitest';
import { boundToCnyMinor, cnyRange, displayLineTotals, displayPrice, formatRate, formatRateDate, priceRange, type PinnedRate } from './price';

const jpy: PinnedRate = { currency: 'JPY', rate: '21.345', source: 'test', capturedAt: '2026-11-20T15:00:00Z' };
const eur: PinnedRate = { currency: 'EUR', rate: '0.125', source: 'test', capturedAt: '2026-11-20T15:00:00Z' };

describe('display prices', () => {
  it('converts CNY minor units with the currency exponent and rounds half-even once', () => {
    // ¥15.00 CNY × 21.345 = 320.175 JPY → 320 (no minor units)
    expect(displayPrice(1500, jpy, 'en').money).toEqual({ amountMinor: 320, currency: 'JPY' });
    // ¥1.00 × 0.125 = €0.125 → 0.12 (half-even)
    expect(displayPrice(100, eur, 'en').money).toEqual({ amountMinor: 12, currency: 'EUR' });
    expect(displayPrice(100, eur, 'de').text).toMatch(/0,12\s?€/);
  });

  it('shows a range only when prices differ', () => {
    expect(priceRange(100, 100, eur, 'en')).toBe('€0.12');
    expect(priceRange(100, 200, eur, 'en')).toBe('€0.12 – €0.25');
  });

  it('turns a typed bound in the shopper currency into CNY minor units, ignoring junk', () => {
    expect(boundToCnyMinor('1', eur)).toBe(800);
    expect(boundToCnyMinor('100', jpy)).toBe(468);
    expect(boundToCnyMinor('abc', eur)).toBeUndefined();
    expect(boundToCnyMinor('-5', eur)).toBeUndefined();
    expect(boundToCnyMinor(undefined, eur)).toBeUndefined();
  });
});

describe('what the cart shows adds up', () => {
  const ecb: PinnedRate = { currency: 'EUR', rate: '0.141272635208', source: 'ecb', capturedAt: '2026-12-04T15:00:00Z' };

  it('adjusts line totals to the once-rounded subtotal', () => {
    // Two ¥10.00 lines are €1.41272… each: rounded one by one €1.41 + €1.41 = €2.82, but the
    // subtotal (and checkout's items row, and the charge) is €2.8254… → €2.83.
    expect(displayPrice(1000, ecb, 'en').money.amountMinor).toBe(141);
    const { lines, total } = displayLineTotals([1000, 1000], ecb);
    expect(total).toEqual(displayPrice(2000, ecb, 'en').money);
    expect(total.amountMinor).toBe(283);
    expect(lines.map((l) => l.amountMinor)).toEqual([142, 141]);
  });

  it('passes CNY through and handles an empty cart', () => {
    const cny: PinnedRate = { currency: 'CNY', rate: '1', source: 'identity', capturedAt: '1970-01-01T00:00:00Z' };
    expect(displayLineTotals([1234, 1], cny)).toEqual({ lines: [{ amountMinor: 1234, currency: 'CNY' }, { amountMinor: 1, currency: 'CNY' }], total: { amountMinor: 1235, currency: 'CNY' } });
    expect(displayLineTotals([], ecb).total).toEqual({ amountMinor: 0, currency: 'EUR' });
  });

  it('shows both ends of a range in CNY', () => {
    expect(cnyRange(1000, 2550, 'en')).toBe('CN¥10.00 – CN¥25.50');
    expect(cnyRange(1000, 1000, 'en')).toBe('CN¥10.00');
  });
});

describe('rates as a bank prints them', () => {
  it('shows 4 significant digits in the locale number format', () => {
    expect(formatRate('0.141272635208', 'en')).toBe('0.1413');
    expect(formatRate('0.141272635208', 'de')).toBe('0,1413');
    expect(formatRate('0.141272635208', 'ar')).toBe('0.1413');
    expect(formatRate('21.345', 'fr')).toBe('21,34'); // half-even, like every rounding in Ferry
    expect(formatRate('190.25', 'ko')).toBe('190.2');
  });

  it('keeps every integer digit of a large rate, up to 6 significant digits', () => {
    expect(formatRate('3456.789', 'en')).toBe('3,457');
    expect(formatRate('12345.678', 'en')).toBe('12,346');
    expect(formatRate('1234567.891', 'en')).toBe('1,234,570');
  });

  it('dates a rate in the locale', () => {
    expect(formatRateDate('2026-12-04T15:00:00Z', 'en')).toBe('Dec 4, 2026');
    expect(formatRateDate('2026-12-04T15:00:00Z', 'de')).toBe('04.12.2026');
  });
});
