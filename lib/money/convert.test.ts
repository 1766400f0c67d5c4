import { describe, expect, it } from 'vitest';
import {
  chainRate,
  convert,
  convertBreakdown,
  convertTotal,
  crossRate,
  invertRate,
  parseRate,
  percentOf,
  rateDeviates,
} from './convert';
import { money, MoneyError, sum } from './money';

const minor = (m: { amountMinor: number }) => m.amountMinor;

describe('convert', () => {
  it('rounds half-even at the minor unit, ties both ways and for negatives', () => {
    const at = (amount: number) => minor(convert(money(amount, 'USD'), 'EUR', '0.5'));
    expect([1, 3, 5, 7, 9].map(at)).toEqual([0, 2, 2, 4, 4]); // 0.5→0, 1.5→2, 2.5→2, 3.5→4, 4.5→4
    expect([-1, -3, -5].map(at)).toEqual([0, -2, -2]);
    expect(at(2)).toBe(1);
  });

  it('rounds ties half-even on 3-decimal currencies too', () => {
    // 1 US cent × 0.25 = 2.5 fils → 2; 3 cents = 7.5 fils → 8.
    expect(minor(convert(money(1, 'USD'), 'BHD', '0.25'))).toBe(2);
    expect(minor(convert(money(3, 'USD'), 'BHD', '0.25'))).toBe(8);
    expect(convert(money(10_000, 'USD'), 'KWD', '0.3075')).toEqual({ amountMinor: 30_750, currency: 'KWD' });
  });

  it('scales between exponents (CNY 2 → JPY/KRW 0 and back)', () => {
    // 12.34 CNY × 20.5 = 252.97 JPY → ¥253
    expect(convert(money(1234, 'CNY'), 'JPY', '20.5')).toEqual({ amountMinor: 253, currency: 'JPY' });
    // ¥1000 × 0.0485 = 48.50 CNY
    expect(convert(money(1000, 'JPY'), 'CNY', '0.0485')).toEqual({ amountMinor: 4850, currency: 'CNY' });
    // 99.99 CNY × 206.49 = 20646.9351 KRW → ₩20647
    expect(minor(convert(money(9999, 'CNY'), 'KRW', '206.49'))).toBe(20647);
  });

  it('is exact where floats are not', () => {
    // In floats 0.50 × 1.15 × 100 = 57.49999999999999 (→ 57); exactly it is the tie 57.5 → 58.
    expect(minor(convert(money(50, 'CNY'), 'USD', '1.15'))).toBe(58);
    // Likewise 0.10 × 0.35 × 100 = 3.4999999999999996 in floats; exactly 3.5 → 4.
    expect(minor(convert(money(10, 'CNY'), 'USD', '0.35'))).toBe(4);
    const huge = convert(money(Number.MAX_SAFE_INTEGER, 'KRW'), 'CNY', '0.004889');
    expect(huge.amountMinor).toBe(4_403_619_715_642_870); // exact product …870.4999 rounds down
  });

  it('refuses invalid rates and overflowing results', () => {
    for (const bad of ['', '0', '0.000', '-1', '1e3', 'abc', ' 1', '1.', 'Infinity']) {
      expect(() => convert(money(100, 'CNY'), 'USD', bad), bad).toThrow(MoneyError);
    }
    expect(() => convert(money(Number.MAX_SAFE_INTEGER, 'CNY'), 'KRW', '200')).toThrow(/overflows/);
    expect(() => parseRate('0')).toThrow(/positive/);
  });
});

describe('rounding once', () => {
  const items = [money(5, 'CNY'), money(5, 'CNY'), money(5, 'CNY')];

  it('rounds a total once instead of per line', () => {
    // Each 0.05 CNY at 0.14 is 0.7 US cent: per line 1+1+1 = 3 cents, but the order is 2.1 → 2.
    const perLine = sum(
      items.map((i) => convert(i, 'USD', '0.14')),
      'USD',
    );
    expect(perLine.amountMinor).toBe(3);
    expect(convertTotal(items, 'CNY', 'USD', '0.14').amountMinor).toBe(2);
  });

  it('makes breakdown lines add up to the once-rounded total', () => {
    const { lines, total } = convertBreakdown({ a: items[0]!, b: items[1]!, c: items[2]! }, 'CNY', 'USD', '0.14');
    expect(total.amountMinor).toBe(2);
    expect(lines.a.amountMinor + lines.b.amountMinor + lines.c.amountMinor).toBe(2);
    expect(Object.values(lines).every((l) => l.amountMinor === 0 || l.amountMinor === 1)).toBe(true);
  });

  it('balances a breakdown with discounts (negative lines) within one unit of exact', () => {
    const breakdown = {
      items: money(123_45, 'CNY'),
      domesticShipping: money(8_00, 'CNY'),
      serviceFee: money(6_17, 'CNY'),
      discount: money(-10_00, 'CNY'),
    };
    const rate = '0.140913';
    const { lines, total } = convertBreakdown(breakdown, 'CNY', 'USD', rate);
    const lineSum = Object.values(lines).reduce((a, l) => a + l.amountMinor, 0);
    expect(lineSum).toBe(total.amountMinor);
    expect(total).toEqual(convertTotal(Object.values(breakdown), 'CNY', 'USD', rate));
    for (const key of Object.keys(breakdown) as (keyof typeof breakdown)[]) {
      const exactCents = breakdown[key].amountMinor * 0.140913; // test-only float, for a ±1 bound
      expect(Math.abs(lines[key].amountMinor - exactCents)).toBeLessThanOrEqual(1);
    }
    expect(() => convertBreakdown({ a: money(1, 'USD') } as never, 'CNY', 'USD', rate)).toThrow(/expected CNY/);
  });
});

describe('convertBreakdown keep', () => {
  it('moves the other lines before a kept one, and never turns a zero line into a unit', () => {
    const rate = '0.141272635208';
    const breakdown = { items: money(10_068, 'CNY'), shipping: money(800, 'CNY'), fee: money(1_000, 'CNY'), services: money(0, 'CNY'), cod: money(0, 'CNY') };
    const plain = convertBreakdown(breakdown, 'CNY', 'EUR', rate);
    const kept = convertBreakdown(breakdown, 'CNY', 'EUR', rate, { keep: ['items'] });
    expect(plain.lines.items.amountMinor).toBe(1423); // absorbed the cent
    expect(kept.lines.items.amountMinor).toBe(1422); // its own rounding
    expect(kept.total).toEqual(plain.total);
    expect(Object.values(kept.lines).reduce((a, l) => a + l.amountMinor, 0)).toBe(kept.total.amountMinor);
    expect(kept.lines.cod.amountMinor).toBe(0);
  });

  it('still adjusts a kept line when no other line can take the difference', () => {
    // ¥0.05 at 0.1 is 0.5 US cent → 0 (half-even); with a zero line the total 0.5+… only the kept line can move.
    const { lines, total } = convertBreakdown({ a: money(15, 'CNY'), b: money(0, 'CNY') }, 'CNY', 'USD', '0.1', { keep: ['a'] });
    expect(total.amountMinor).toBe(2);
    expect(lines.a.amountMinor).toBe(2);
    expect(lines.b.amountMinor).toBe(0);
  });
});

describe('rates', () => {
  it('crosses, inverts and chains to 12 places half-even', () => {
    // 1 EUR = 8.2517 CNY = 179.54 JPY ⇒ 1 CNY = 21.757940787959… JPY
    expect(crossRate('8.2517', '179.54')).toBe('21.757940787959');
    expect(invertRate('8.2517')).toBe('0.121187149315');
    expect(chainRate('1.1593', '3.6725')).toBe('4.25752925');
    expect(crossRate('3', '1')).toBe('0.333333333333');
    expect(crossRate('3', '2')).toBe('0.666666666667');
    expect(invertRate('1')).toBe('1');
  });

  it('computes percentages half-even', () => {
    expect(minor(percentOf(money(1999, 'CNY'), '8'))).toBe(160); // 159.92
    expect(minor(percentOf(money(1000, 'CNY'), '2.5'))).toBe(25);
    expect(minor(percentOf(money(10, 'CNY'), '5'))).toBe(0); // 0.5 → 0
    expect(minor(percentOf(money(30, 'CNY'), '5'))).toBe(2); // 1.5 → 2
    expect(() => percentOf(money(1, 'CNY'), '-5')).toThrow(MoneyError);
  });

  it('detects a deviation beyond the allowed percentage, exactly at the boundary', () => {
    expect(rateDeviates('1.02', '1', '2')).toBe(false);
    expect(rateDeviates('1.020000000001', '1', '2')).toBe(true);
    expect(rateDeviates('0.98', '1', '2')).toBe(false);
    expect(rateDeviates('0.979', '1', '2')).toBe(true);
    expect(rateDeviates('0.1413', '0.1400', '2')).toBe(false);
  });
});
