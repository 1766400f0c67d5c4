import { isSupportedCurrency, type CurrencyCode } from './currencies';

// Re-exported because callers that resolve a currency usually validate a URL segment too.
export { isSupportedCurrency };

/**
 * Default display currency per UI language, used until the shopper picks one. A guess at the
 * likeliest market for the language, not a rule: the switcher is always one click away.
 * - ru → USD: RUB is not a supported currency (the ECB has published no RUB reference rate since
 *   March 2022), and of the supported ones USD is the most familiar across Russian-speaking markets.
 * - ar → AED follows the product brief; Saudi shoppers get SAR through their region (ar-SA) below.
 * - es/pt → EUR follows the product brief; Latin American and Brazilian shoppers, who would rather
 *   see USD (or MXN/BRL once supported), are caught by their region (es-MX, pt-BR) below.
 */
const LANGUAGE_DEFAULTS: Readonly<Record<string, CurrencyCode>> = {
  en: 'USD',
  zh: 'CNY',
  es: 'EUR',
  fr: 'EUR',
  de: 'EUR',
  pt: 'EUR',
  ja: 'JPY',
  ko: 'KRW',
  ar: 'AED',
  ru: 'USD',
};

const EUROZONE = ['AT', 'BE', 'BG', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];

/** A region in the locale tag (en-GB, fr-CA, ar-SA) says more about the wallet than the language. */
const REGION_DEFAULTS: Readonly<Record<string, CurrencyCode>> = {
  ...Object.fromEntries(EUROZONE.map((region) => [region, 'EUR' as const])),
  US: 'USD',
  GB: 'GBP',
  AU: 'AUD',
  CA: 'CAD',
  CN: 'CNY',
  JP: 'JPY',
  KR: 'KRW',
  AE: 'AED',
  SA: 'SAR',
  // Markets whose own currency is not supported yet, where prices are compared in USD.
  BR: 'USD',
  MX: 'USD',
  AR: 'USD',
  CO: 'USD',
  CL: 'USD',
  PE: 'USD',
};

const FALLBACK: CurrencyCode = 'USD';

function regionOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).region;
  } catch {
    return undefined; // malformed tag from a header: fall back to the language part
  }
}

/** The default currency for a UI locale such as "en", "zh-CN", "ar-SA", "pt-BR". */
export function defaultCurrencyFor(locale: string): CurrencyCode {
  const region = regionOf(locale)?.toUpperCase();
  const byRegion = region && Object.hasOwn(REGION_DEFAULTS, region) ? REGION_DEFAULTS[region] : undefined;
  if (byRegion) return byRegion;
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  // hasOwn: a tag like "constructor" must not pick up Object.prototype members.
  return Object.hasOwn(LANGUAGE_DEFAULTS, language) ? (LANGUAGE_DEFAULTS[language] ?? FALLBACK) : FALLBACK;
}

/** The shopper's chosen currency if the cookie holds a supported one, else the locale's default. */
export function resolveCurrency(cookieValue: string | null | undefined, locale: string): CurrencyCode {
  const chosen = cookieValue?.trim().toUpperCase();
  return isSupportedCurrency(chosen) ? chosen : defaultCurrencyFor(locale);
}
