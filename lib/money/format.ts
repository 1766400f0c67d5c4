import { isIsoCurrency, minorUnits, type IsoCurrencyCode } from './currencies';
import { money, toDecimalString, type Money } from './money';

/**
 * Display of money for people. Always shows exactly the currency's minor-unit decimals (¥1,235 but
 * $12.30), so a shown price is the charged price to the last unit.
 *
 * Latin digits in every locale (`numberingSystem: 'latn'`), including Arabic:
 * - CLDR's default for bare `ar` has changed between ICU releases (Arabic-Indic ١٢٣ vs 123), and
 *   browsers ship different ICU versions than Node: the server-rendered price and the hydrated one
 *   could differ, which React reports as a hydration mismatch.
 * - Gulf shoppers (AED/SAR, our `ar` default markets) see Latin digits on Noon, Amazon.ae and in
 *   their banking apps; marketplace prices, order numbers and tracking numbers are Latin as well,
 *   so one digit system keeps comparison easy. Symbols and RTL marks stay Arabic.
 *
 * The value is passed to Intl as a decimal string (Intl.NumberFormat v3), not a Number: no float
 * ever holds the amount. Older engines coerce the string to a Number, which is still exact at the
 * amounts and 0–3 decimals printed here.
 */

const FALLBACK_LOCALE = 'en';
const MAX_CACHED_FORMATTERS = 256;
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: IsoCurrencyCode): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (formatter) return formatter;
  const exponent = minorUnits(currency);
  const options: Intl.NumberFormatOptions = {
    style: 'currency',
    currency,
    currencyDisplay: 'symbol',
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
    numberingSystem: 'latn',
  };
  try {
    formatter = new Intl.NumberFormat(locale, options);
  } catch (error) {
    // A malformed tag (from a header or cookie) must not break a page: fall back to English.
    if (!(error instanceof RangeError)) throw error;
    formatter = new Intl.NumberFormat(FALLBACK_LOCALE, options);
  }
  // Locales come from a short fixed list; the cap only guards against arbitrary tags piling up.
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(key, formatter);
  return formatter;
}

type DecimalLiteral = Intl.StringNumericLiteral;

function decimalOf(m: Money<IsoCurrencyCode>): DecimalLiteral {
  return toDecimalString(m) as DecimalLiteral;
}

/** "$1,234.56" (en), "1.234,56 €" (de), "￥1,235" (ja), "‏1,234.56 د.إ.‏" (ar). */
export function formatMoney(m: Money<IsoCurrencyCode>, locale: string): string {
  return formatterFor(locale, m.currency).format(decimalOf(m));
}

/**
 * Money as a row stores it (minor units in one column, the currency code in another) for people:
 * the one formatter for order charges, ledger rows, price differences and emails. A code this
 * build does not know, or an amount that is not a safe integer, is shown raw rather than guessed
 * (guessing two decimals could print a KWD or JPY amount off by a factor of ten or a hundred).
 */
export function formatStoredMoney(amountMinor: number, currency: string, locale: string): string {
  if (!isIsoCurrency(currency) || !Number.isSafeInteger(amountMinor)) return `${amountMinor} ${currency} (minor units)`;
  return formatMoney(money(amountMinor, currency), locale);
}

export type MoneyParts = {
  /** The whole formatted string, identical to `formatMoney`. */
  formatted: string;
  /** The currency sign as the locale writes it ("$", "€", "د.إ.", "CN¥"). */
  symbol: string;
  /** The number without the symbol, with sign, grouping and decimals ("-1.234,56"). */
  amount: string;
  /** Where the locale puts the symbol, for layouts that style it separately. */
  symbolPosition: 'before' | 'after';
};

/** The formatted amount split so the UI can render the symbol in its own element. */
export function formatMoneyParts(m: Money<IsoCurrencyCode>, locale: string): MoneyParts {
  const parts = formatterFor(locale, m.currency).formatToParts(decimalOf(m));
  const currencyIndex = parts.findIndex((p) => p.type === 'currency');
  const firstNumberIndex = parts.findIndex((p) => p.type === 'integer');
  const amount = parts
    .filter((p) => p.type !== 'currency' && p.type !== 'literal')
    .map((p) => p.value)
    .join('');
  return {
    formatted: parts.map((p) => p.value).join(''),
    symbol: parts[currencyIndex]?.value ?? m.currency,
    amount,
    symbolPosition: currencyIndex !== -1 && currencyIndex < firstNumberIndex ? 'before' : 'after',
  };
}
