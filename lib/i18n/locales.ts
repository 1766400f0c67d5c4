/** UI locales, in the order the language switcher lists them. URLs are always locale-prefixed. */
export const locales = ['en', 'zh-CN', 'es', 'fr', 'de', 'ja', 'ko', 'ar', 'ru', 'pt'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export const localeNames: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ja: '日本語',
  ko: '한국어',
  ar: 'العربية',
  ru: 'Русский',
  pt: 'Português',
};

/** BCP 47 tags for hreflang and Open Graph. */
export const localeTags: Record<Locale, { hreflang: string; og: string }> = {
  en: { hreflang: 'en', og: 'en_US' },
  'zh-CN': { hreflang: 'zh-CN', og: 'zh_CN' },
  es: { hreflang: 'es', og: 'es_ES' },
  fr: { hreflang: 'fr', og: 'fr_FR' },
  de: { hreflang: 'de', og: 'de_DE' },
  ja: { hreflang: 'ja', og: 'ja_JP' },
  ko: { hreflang: 'ko', og: 'ko_KR' },
  ar: { hreflang: 'ar', og: 'ar_AE' },
  ru: { hreflang: 'ru', og: 'ru_RU' },
  pt: { hreflang: 'pt', og: 'pt_PT' },
};

export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && (locales as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
