import { describe, expect, it } from 'vitest';
import { declaredValues } from './declared-values';

const items = [
  { itemId: 1, paidCnyMinor: 3000 },
  { itemId: 2, paidCnyMinor: 1000 },
];

describe('declaredValues', () => {
  it('pre-fills what was paid', () => {
    expect([...declaredValues(items, {})]).toEqual([[1, 3000], [2, 1000]]);
  });

  it('takes a higher value and refuses a lower one', () => {
    expect(declaredValues(items, { perItem: [{ itemId: 2, cnyMinor: 1500 }] }).get(2)).toBe(1500);
    expect(() => declaredValues(items, { perItem: [{ itemId: 1, cnyMinor: 2999 }] })).toThrow(/cannot be lower/);
    expect(() => declaredValues(items, { perItem: [{ itemId: 9, cnyMinor: 5000 }] })).toThrow(/not in this parcel/);
  });

  it('spreads a total over the items and refuses one below what was paid', () => {
    const spread = declaredValues(items, { totalCny: 5001 });
    expect(spread.get(1)! + spread.get(2)!).toBe(5001);
    expect(spread.get(1)).toBe(3750);
    expect(() => declaredValues(items, { totalCny: 3999 })).toThrow(/cannot be lower/);
  });
});
