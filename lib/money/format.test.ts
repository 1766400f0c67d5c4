import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyParts, formatStoredMoney } from './format';
import { money } from './money';

// Strip bidi marks (U+200E/U+200F/U+061C) that Arabic output carries, to assert on the visible text.
const visible = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, '');

describe('formatMoney', () => {
  it('shows exactly the currency exponent (en)', () => {
    expect(formatMoney(money(123456, 'USD'), 'en')).toBe('$1,234.56');
    expect(formatMoney(money(1230, 'USD'), 'en')).toBe('$12.30');
    expect(formatMoney(money(-5, 'USD'), 'en')).toBe('-$0.05');
    expect(formatMoney(money(1235, 'JPY'), 'en')).toBe('¥1,235');
    expect(formatMoney(money(123456, 'CNY'), 'en')).toBe('CN¥1,234.56');
    expect(formatMoney(money(1234567, 'KWD'), 'en')).toMatch(/^KWD\s1,234\.567$/);
  });

  it('follows German separators and symbol placement', () => {
    expect(formatMoney(money(123456, 'EUR'), 'de')).toBe('1.234,56\u00a0€');
  });

  it('writes yen and won without decimals (ja, ko)', () => {
    expect(formatMoney(money(1235, 'JPY'), 'ja')).toBe('￥1,235');
    expect(formatMoney(money(1234567, 'KRW'), 'ko')).toBe('₩1,234,567');
    expect(formatMoney(money(123456, 'CNY'), 'zh-CN')).toBe('¥1,234.56');
  });

  it('uses Latin digits and the Arabic symbol in ar', () => {
    const aed = formatMoney(money(123456, 'AED'), 'ar');
    expect(aed).not.toMatch(/[\u0660-\u0669]/); // no Arabic-Indic digits, even where CLDR defaults to them
    expect(visible(aed)).toBe('1,234.56\u00a0د.إ.');
    expect(visible(formatMoney(money(123456, 'SAR'), 'ar-SA'))).toBe('1,234.56\u00a0ر.س.');
  });

  it('does not lose precision on amounts beyond float-safe decimals', () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), 'en')).toBe('$90,071,992,547,409.91');
  });

  it('falls back to English for a malformed locale tag', () => {
    expect(formatMoney(money(100, 'USD'), 'not a locale!')).toBe('$1.00');
  });
});

describe('formatMoneyParts', () => {
  it('splits the symbol from the number and says where it goes', () => {
    expect(formatMoneyParts(money(123456, 'USD'), 'en')).toEqual({
      formatted: '$1,234.56',
      symbol: '$',
      amount: '1,234.56',
      symbolPosition: 'before',
    });
    const de = formatMoneyParts(money(-123456, 'EUR'), 'de');
    expect(de).toMatchObject({ symbol: '€', amount: '-1.234,56', symbolPosition: 'after' });
    expect(de.formatted).toBe(formatMoney(money(-123456, 'EUR'), 'de'));
    expect(formatMoneyParts(money(100, 'AED'), 'ar')).toMatchObject({ symbol: 'د.إ.', amount: '1.00', symbolPosition: 'after' });
  });
});

describe('formatStoredMoney', () => {
  it('formats a row\'s minor units by its currency\'s exponent, in the reader\'s locale', () => {
    expect(formatStoredMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatStoredMoney(123456, 'EUR', 'de')).toBe('1.234,56\u00a0€');
    expect(formatStoredMoney(1235, 'JPY', 'ja')).toBe('￥1,235');
    expect(formatStoredMoney(1234567, 'KWD', 'en')).toMatch(/^KWD\s1,234\.567$/);
    expect(visible(formatStoredMoney(123456, 'AED', 'ar'))).toMatch(/1,234\.56/);
    expect(formatStoredMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00');
  });

  it('shows an unknown code or an unsafe amount raw instead of guessing its decimals', () => {
    expect(formatStoredMoney(1234, 'XTS', 'en')).toBe('1234 XTS (minor units)');
    expect(formatStoredMoney(1234, 'usd', 'en')).toBe('1234 usd (minor units)');
    expect(formatStoredMoney(12.5, 'USD', 'en')).toBe('12.5 USD (minor units)');
  });
});
