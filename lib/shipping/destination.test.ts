import { describe, expect, it } from 'vitest';
import { acceptLanguageTags, pickShippingCountry, regionOfLanguages } from './destination';

describe('pickShippingCountry', () => {
  it('prefers the remembered choice, then the saved address, then the browser’s region, then the language’s country', () => {
    expect(pickShippingCountry({ chosen: 'FR', saved: 'DE', languages: ['en-GB'], locale: 'en' })).toBe('FR');
    expect(pickShippingCountry({ chosen: null, saved: 'DE', languages: ['en-GB'], locale: 'en' })).toBe('DE');
    expect(pickShippingCountry({ languages: ['en-GB', 'en'], locale: 'en' })).toBe('GB');
    expect(pickShippingCountry({ languages: ['ja'], locale: 'ja' })).toBe('JP');
    expect(pickShippingCountry({ locale: 'zh-CN' })).toBe('US');
    expect(pickShippingCountry({ locale: 'xx' })).toBe('US');
  });

  it('ignores what is not a destination: forged cookies, China, script subtags', () => {
    expect(pickShippingCountry({ chosen: '<script>', saved: 'KP', languages: ['zh-CN', 'zh-Hant-TW'], locale: 'zh-CN' })).toBe('TW');
    expect(regionOfLanguages(['zh-CN', 'en'])).toBeNull();
    expect(regionOfLanguages(['pt_BR'])).toBe('BR');
  });

  it('reads Accept-Language best first', () => {
    expect(acceptLanguageTags('de;q=0.5, en-AU, fr-CA;q=0.8, xx;q=0')).toEqual(['en-AU', 'fr-CA', 'de']);
    expect(acceptLanguageTags(null)).toEqual([]);
  });
});
