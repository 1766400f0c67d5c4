import { describe, expect, it } from 'vitest';
import { browserLocale } from './browser-locale';

describe('browserLocale', () => {
  it('prefers the storefront’s locale cookie', () => {
    expect(browserLocale('ja', 'de-DE,de;q=0.9')).toBe('ja');
  });

  it('takes the best Accept-Language entry Ferry speaks, by quality then order', () => {
    expect(browserLocale(undefined, 'nl;q=0.9,ar;q=0.8,de;q=0.85')).toBe('de');
    expect(browserLocale(undefined, 'zh-TW,zh;q=0.9')).toBe('zh-CN');
    expect(browserLocale(undefined, 'pt-BR')).toBe('pt');
  });

  it('falls back to English for an unknown cookie and no usable header', () => {
    expect(browserLocale('xx', null)).toBe('en');
    expect(browserLocale(undefined, 'nl, sv;q=0')).toBe('en');
  });
});
