import { describe, expect, it } from 'vitest';
import { isSupportedCurrency } from './currencies';
import { defaultCurrencyFor, resolveCurrency } from './locale-currency';

describe('defaultCurrencyFor', () => {
  it('maps every UI locale to a supported currency', () => {
    const expected = { en: 'USD', 'zh-CN': 'CNY', es: 'EUR', fr: 'EUR', de: 'EUR', pt: 'EUR', ja: 'JPY', ko: 'KRW', ar: 'AED', ru: 'USD' };
    for (const [locale, currency] of Object.entries(expected)) {
      expect(defaultCurrencyFor(locale), locale).toBe(currency);
      expect(isSupportedCurrency(defaultCurrencyFor(locale))).toBe(true);
    }
  });

  it('prefers the region when the tag has one', () => {
    expect(defaultCurrencyFor('en-GB')).toBe('GBP');
    expect(defaultCurrencyFor('en-AU')).toBe('AUD');
    expect(defaultCurrencyFor('fr-CA')).toBe('CAD');
    expect(defaultCurrencyFor('ar-SA')).toBe('SAR');
    expect(defaultCurrencyFor('en-IE')).toBe('EUR');
    expect(defaultCurrencyFor('pt-BR')).toBe('USD');
    expect(defaultCurrencyFor('zh-TW')).toBe('CNY'); // no TWD yet: language default
  });

  it('falls back to USD for unknown or malformed locales', () => {
    expect(defaultCurrencyFor('sw')).toBe('USD');
    expect(defaultCurrencyFor('')).toBe('USD');
    expect(defaultCurrencyFor('%%%')).toBe('USD');
    expect(defaultCurrencyFor('constructor')).toBe('USD');
    expect(defaultCurrencyFor('__proto__')).toBe('USD');
  });
});

describe('resolveCurrency', () => {
  it('honours a supported cookie value, case-insensitively', () => {
    expect(resolveCurrency('GBP', 'ja')).toBe('GBP');
    expect(resolveCurrency(' eur ', 'en')).toBe('EUR');
  });

  it('ignores missing or unsupported cookie values', () => {
    expect(resolveCurrency(undefined, 'ja')).toBe('JPY');
    expect(resolveCurrency(null, 'ko')).toBe('KRW');
    expect(resolveCurrency('RUB', 'ru')).toBe('USD');
    expect(resolveCurrency('KWD', 'ar')).toBe('AED');
    expect(resolveCurrency('__proto__', 'de')).toBe('EUR');
  });
});
