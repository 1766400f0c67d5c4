/** Cookie names shared by the proxy (which reads them) and the switchers (which write them). */
export const CURRENCY_COOKIE = 'ferry_currency';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const PREFERENCE_MAX_AGE = 60 * 60 * 24 * 365;

/** First path segments under a locale that are not storefront pages (no currency rewrite). */
export const nonShopSegments = new Set(['admin', 'account', 'api']);
