import { describe, expect, it } from 'vitest';
import { boundToCnyMinor, displayPrice, priceRange, type PinnedRate } from './price';

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
