import { describe, expect, it } from 'vitest';
import { isSupportedCurrency, minorUnits, SUPPORTED_CURRENCIES } from './currencies';
import { currencySchema, moneySchema } from './schemas';
import {
  add,
  allocate,
  compare,
  fromDecimalString,
  money,
  MoneyError,
  multiply,
  subtract,
  sum,
  toDecimalString,
  zero,
} from './money';

describe('currencies', () => {
  it('knows ISO 4217 exponents, including currencies not displayed', () => {
    expect(minorUnits('CNY')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KRW')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(minorUnits('BHD')).toBe(3);
    expect(minorUnits('OMR')).toBe(3);
    expect(() => minorUnits('XXX')).toThrow(/Unknown currency/);
    expect(() => minorUnits('usd')).toThrow(/Unknown currency/);
  });

  it('validates supported codes', () => {
    expect(SUPPORTED_CURRENCIES).toEqual(expect.arrayContaining(['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'AUD', 'CAD', 'AED', 'SAR']));
    expect(isSupportedCurrency('AED')).toBe(true);
    expect(isSupportedCurrency('KWD')).toBe(false);
    expect(isSupportedCurrency('toString')).toBe(false);
    expect(currencySchema.safeParse('EUR').success).toBe(true);
    expect(currencySchema.safeParse('RUB').success).toBe(false);
  });
});

describe('money', () => {
  it('accepts only safe integers', () => {
    expect(money(1234, 'CNY')).toEqual({ amountMinor: 1234, currency: 'CNY' });
    expect(() => money(12.5, 'CNY')).toThrow(MoneyError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'CNY')).toThrow(/safe integer/);
    expect(() => money(Number.NaN, 'CNY')).toThrow(MoneyError);
    expect(Object.is(money(-0, 'USD').amountMinor, 0)).toBe(true);
    expect(moneySchema.safeParse({ amountMinor: 1.5, currency: 'USD' }).success).toBe(false);
    expect(moneySchema.safeParse({ amountMinor: 150, currency: 'USD' }).success).toBe(true);
  });

  it('adds, subtracts, multiplies and sums in one currency', () => {
    const a = money(1999, 'CNY');
    expect(add(a, money(1, 'CNY')).amountMinor).toBe(2000);
    expect(subtract(a, money(2000, 'CNY')).amountMinor).toBe(-1);
    expect(multiply(a, 3).amountMinor).toBe(5997);
    expect(sum([a, a, a], 'CNY').amountMinor).toBe(5997);
    expect(sum([], 'JPY')).toEqual(zero('JPY'));
    expect(compare(a, money(2000, 'CNY'))).toBe(-1);
  });

  it('refuses to mix currencies or overflow', () => {
    expect(() => add(money(1, 'CNY'), money(1, 'USD') as never)).toThrow(/convert first/);
    expect(() => sum([money(1, 'USD')], 'EUR' as never)).toThrow(MoneyError);
    expect(() => multiply(money(1, 'USD'), 1.5)).toThrow(/integer factor/);
    expect(() => multiply(money(Number.MAX_SAFE_INTEGER, 'KRW'), 2)).toThrow(/overflows/);
    expect(() => add(money(Number.MAX_SAFE_INTEGER, 'KRW'), money(1, 'KRW'))).toThrow(/overflows/);
    expect(add(money(Number.MAX_SAFE_INTEGER - 1, 'KRW'), money(1, 'KRW')).amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('decimal strings', () => {
  it('parses per the currency exponent', () => {
    expect(fromDecimalString('12.34', 'CNY').amountMinor).toBe(1234);
    expect(fromDecimalString('12.3', 'CNY').amountMinor).toBe(1230);
    expect(fromDecimalString('12', 'CNY').amountMinor).toBe(1200);
    expect(fromDecimalString('-0.05', 'USD').amountMinor).toBe(-5);
    expect(fromDecimalString('1235', 'JPY').amountMinor).toBe(1235);
    expect(fromDecimalString('1.234', 'KWD').amountMinor).toBe(1234);
    expect(fromDecimalString('0.5', 'BHD').amountMinor).toBe(500);
    expect(fromDecimalString('90071992547409.91', 'USD').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects too many decimals instead of rounding them away', () => {
    expect(() => fromDecimalString('12.345', 'CNY')).toThrow(/2 decimal place/);
    expect(() => fromDecimalString('1.5', 'JPY')).toThrow(/0 decimal place/);
    expect(() => fromDecimalString('1.2345', 'KWD')).toThrow(/3 decimal place/);
  });

  it('rejects anything that is not a plain decimal', () => {
    for (const bad of ['', '1e3', '1,000.00', '.5', '+1', '12.', 'NaN', '0x10', '١٢']) {
      expect(() => fromDecimalString(bad, 'USD'), bad).toThrow(MoneyError);
    }
    expect(() => fromDecimalString('90071992547409.92', 'USD')).toThrow(/overflows/);
  });

  it('prints exactly the exponent and round-trips', () => {
    expect(toDecimalString(money(1234, 'CNY'))).toBe('12.34');
    expect(toDecimalString(money(5, 'CNY'))).toBe('0.05');
    expect(toDecimalString(money(-5, 'USD'))).toBe('-0.05');
    expect(toDecimalString(money(1235, 'JPY'))).toBe('1235');
    expect(toDecimalString(money(1, 'KWD'))).toBe('0.001');
    expect(toDecimalString(money(-1234567, 'BHD'))).toBe('-1234.567');
    for (const value of ['0.00', '7.10', '-3.99', '90071992547409.91']) {
      expect(toDecimalString(fromDecimalString(value, 'EUR'))).toBe(value);
    }
  });
});

describe('allocate', () => {
  it('never loses or creates a minor unit', () => {
    const parts = allocate(money(100, 'CNY'), [1, 1, 1]);
    expect(parts.map((p) => p.amountMinor)).toEqual([34, 33, 33]);
    expect(sum(parts, 'CNY').amountMinor).toBe(100);
  });

  it('gives leftovers to the largest remainders, proportionally', () => {
    // 1000 over 333:333:334 is exact: nothing to hand out.
    expect(allocate(money(1000, 'USD'), [333, 333, 334]).map((p) => p.amountMinor)).toEqual([333, 333, 334]);
    // 7 over 1:2:2 → exact 1.4, 2.8, 2.8: floors 1, 2, 2 and the two leftovers go to the .8s.
    expect(allocate(money(7, 'JPY'), [1, 2, 2]).map((p) => p.amountMinor)).toEqual([1, 3, 3]);
    expect(allocate(money(100, 'CNY'), [0, 5, 0]).map((p) => p.amountMinor)).toEqual([0, 100, 0]);
  });

  it('handles negative totals (refunds) symmetrically and big amounts exactly', () => {
    expect(allocate(money(-100, 'CNY'), [1, 1, 1]).map((p) => p.amountMinor)).toEqual([-34, -33, -33]);
    const big = allocate(money(Number.MAX_SAFE_INTEGER, 'KRW'), [Number.MAX_SAFE_INTEGER, 1]);
    expect(sum(big, 'KRW').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(big[1]?.amountMinor).toBe(1);
  });

  it('rejects meaningless weights', () => {
    expect(() => allocate(money(1, 'USD'), [])).toThrow(MoneyError);
    expect(() => allocate(money(1, 'USD'), [0, 0])).toThrow(/zero/);
    expect(() => allocate(money(1, 'USD'), [1, -1])).toThrow(/non-negative/);
    expect(() => allocate(money(1, 'USD'), [0.5, 0.5])).toThrow(/non-negative/);
  });
});
