import { defaultLocale, isLocale, locales, type Locale } from './locales';

/**
 * The language to answer a browser in when the URL names none (a pay link that failed before its
 * order was known): the locale cookie the storefront sets, else the first Accept-Language entry
 * Ferry speaks (`zh` finds `zh-CN`, `pt-BR` finds `pt`), else English.
 */
export function browserLocale(cookieLocale: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieLocale)) return cookieLocale;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const exact = locales.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const base = locales.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0]);
    if (base) return base;
  }
  return defaultLocale;
}
