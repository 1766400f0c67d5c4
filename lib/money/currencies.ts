/**
 * ISO 4217 minor-unit exponents. Wider than the currencies Ferry shows: a rate or a gateway amount in
 * KWD or BHD must still be read with the right number of decimals, so every currency we may meet in
 * a conversion has its exponent here. A new currency is one line.
 */
export const ISO_4217_EXPONENTS = {
  AED: 2,
  AUD: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RUB: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  UGX: 0,
  USD: 2,
  VND: 0,
  ZAR: 2,
} as const satisfies Record<string, 0 | 2 | 3>;

export type IsoCurrencyCode = keyof typeof ISO_4217_EXPONENTS;

/**
 * Currencies a shopper can browse and pay in. CNY first: catalog prices are CNY minor units (fen).
 * Adding one is one line here, provided the FX feed (ECB or a USD peg) can price it.
 */
export const SUPPORTED_CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'KRW',
  'AUD',
  'CAD',
  'AED',
  'SAR',
] as const satisfies readonly IsoCurrencyCode[];

export type CurrencyCode = (typeof SUPPORTED_CURRENCIES)[number];

/** Alias used by the storefront's currency menu. */
export const supportedCurrencies: readonly CurrencyCode[] = SUPPORTED_CURRENCIES;

/** The currency in which catalog prices and upstream purchases are denominated. */
export const BASE_CURRENCY = 'CNY' satisfies CurrencyCode;

const supported: ReadonlySet<string> = new Set(SUPPORTED_CURRENCIES);

export function isSupportedCurrency(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && supported.has(value);
}

export function isIsoCurrency(value: unknown): value is IsoCurrencyCode {
  return typeof value === 'string' && Object.hasOwn(ISO_4217_EXPONENTS, value);
}

/** Decimal places of the currency's minor unit (JPY 0, USD 2, KWD 3). Unknown codes throw: guessing 2 would silently scale amounts by 100. */
export function minorUnits(code: string): 0 | 2 | 3 {
  if (!isIsoCurrency(code)) {
    throw new RangeError(`Unknown currency code: ${JSON.stringify(code)}`);
  }
  return ISO_4217_EXPONENTS[code];
}
