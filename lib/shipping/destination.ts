import { isCountryCode } from '@/lib/addresses/countries';

/** The cookie the estimator leaves behind so product pages and the cart estimate for the same country. */
export const SHIP_COUNTRY_COOKIE = 'ferry_ship_country';

/** Where a shopper of each language most likely lives, when nothing better is known. */
const localeCountry: Record<string, string> = {
  en: 'US',
  // Chinese-speaking shoppers abroad: the estimator ships from China, so China itself is no default.
  'zh-CN': 'US',
  es: 'ES',
  fr: 'FR',
  de: 'DE',
  ja: 'JP',
  ko: 'KR',
  ar: 'AE',
  ru: 'RU',
  pt: 'PT',
};

/** The region of the first language tag that names one Ferry ships to (`en-GB` → GB); China is skipped. */
export function regionOfLanguages(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const region = tag
      .split(';')[0]!
      .trim()
      .split(/[-_]/)
      .slice(1)
      .find((part) => /^[a-z]{2}$/i.test(part))
      ?.toUpperCase();
    if (region && region !== 'CN' && isCountryCode(region)) return region;
  }
  return null;
}

/**
 * The destination to estimate for when the shopper named none: the one they chose last (cookie),
 * their default address, their browser's region, else their language's likely country.
 */
export function pickShippingCountry(options: { chosen?: string | null; saved?: string | null; languages?: readonly string[]; locale: string }): string {
  for (const candidate of [options.chosen, options.saved]) {
    if (candidate && isCountryCode(candidate)) return candidate;
  }
  return regionOfLanguages(options.languages ?? []) ?? localeCountry[options.locale] ?? 'US';
}

/** Accept-Language as a list of tags, best first (q-values respected). */
export function acceptLanguageTags(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
