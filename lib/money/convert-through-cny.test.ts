import { describe, expect, it } from 'vitest';
import { money } from './money';
import { convertThroughCny } from './convert';

describe('convertThroughCny', () => {
  it('turns a charge back into CNY at its pinned rate, rounding once', () => {
    // 1 CNY = 20.5 JPY: 1000 JPY = 48.780487… CNY → 4878 fen.
    expect(convertThroughCny(money(1000, 'JPY'), '20.5', 'CNY', '1')).toEqual(money(4878, 'CNY'));
  });
  it('goes across to the reporting currency without rounding in CNY first', () => {
    // 1 CNY = 0.14 USD and 1 CNY = 0.13 EUR: 1.01 USD = 7.2142857 CNY = 0.937857 EUR → 94 cents.
    expect(convertThroughCny(money(101, 'USD'), '0.14', 'EUR', '0.13')).toEqual(money(94, 'EUR'));
  });
  it('keeps exponents apart (KWD has three decimals, JPY none)', () => {
    expect(convertThroughCny(money(1234, 'KWD'), '0.043', 'JPY', '21')).toEqual(money(603, 'JPY'));
  });
  it('is the identity for a CNY charge reported in CNY', () => {
    expect(convertThroughCny(money(12345, 'CNY'), '1', 'CNY', '1')).toEqual(money(12345, 'CNY'));
  });
});
