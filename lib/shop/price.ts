import Big from 'big.js';
import { convert, convertBreakdown, formatMoney, fromDecimalString, invertRate, money, parseRate, type CurrencyCode, type Money } from '@/lib/money';

export type PinnedRate = { currency: CurrencyCode; rate: string; source: string; capturedAt: string };

/** Display prices: CNY minor units converted at one captured rate, rounded once, then formatted. */
export function displayPrice(amountMinorCny: number, rate: PinnedRate, locale: string): { money: Money; text: string } {
  const cny: Money = { amountMinor: amountMinorCny, currency: 'CNY' };
  const money = rate.currency === 'CNY' ? cny : convert(cny, rate.currency, rate.rate);
  return { money, text: formatMoney(money, locale) };
}

export function formatCny(amountMinor: number, locale: string): string {
  return formatMoney({ amountMinor, currency: 'CNY' }, locale);
}

export function priceRange(minMinor: number, maxMinor: number, rate: PinnedRate, locale: string): string {
  const min = displayPrice(minMinor, rate, locale).text;
  if (minMinor === maxMinor) return min;
  return `${min} – ${displayPrice(maxMinor, rate, locale).text}`;
}

/** The same range in the seller's CNY: both ends, never just the lowest. */
export function cnyRange(minMinor: number, maxMinor: number, locale: string): string {
  if (minMinor === maxMinor) return formatCny(minMinor, locale);
  return `${formatCny(minMinor, locale)} – ${formatCny(maxMinor, locale)}`;
}

/**
 * Line totals shown in the shopper's currency that add up to the shown subtotal: the subtotal is
 * the one half-even rounding of the exact CNY sum (what checkout's items row and the charge use),
 * and the lines are adjusted to it the way checkout's breakdown is (convertBreakdown).
 */
export function displayLineTotals(amountsCny: readonly number[], rate: PinnedRate): { lines: Money[]; total: Money } {
  if (amountsCny.length === 0) return { lines: [], total: money(0, rate.currency) };
  const lines = Object.fromEntries(amountsCny.map((amount, index) => [String(index), money(amount, 'CNY')]));
  const converted = convertBreakdown(lines, 'CNY', rate.currency, rate.currency === 'CNY' ? '1' : rate.rate);
  return { lines: amountsCny.map((_, index) => converted.lines[String(index)]!), total: converted.total };
}

/**
 * A rate the way a bank prints it: 4 significant digits (more for a rate of 10,000 or above, up to
 * 6), in the locale's number format with Latin digits like prices ("0.1413", "0,1413", "21.35").
 * For reading only; conversions always use the stored decimal string.
 */
export function formatRate(rate: string, locale: string): string {
  const value = parseRate(rate);
  const integerDigits = value.gte(1) ? value.round(0, Big.roundDown).toFixed().length : 0;
  const digits = Math.min(6, Math.max(4, integerDigits));
  const shown = Number(value.prec(digits, Big.roundHalfEven).toFixed());
  const options: Intl.NumberFormatOptions = { maximumSignificantDigits: digits, numberingSystem: 'latn' };
  try {
    return new Intl.NumberFormat(locale, options).format(shown);
  } catch {
    return new Intl.NumberFormat('en', options).format(shown);
  }
}

/** The day a rate was captured, in the locale's date format ("7 Dec 2026", "07.12.2026"). */
export function formatRateDate(capturedAt: string | Date, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC', numberingSystem: 'latn' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(new Date(capturedAt));
  } catch {
    return new Intl.DateTimeFormat('en', options).format(new Date(capturedAt));
  }
}

/**
 * A shopper's price bound typed in their currency, as CNY minor units (for filtering the CNY
 * catalog). Returns undefined for anything that is not a plain non-negative decimal.
 */
export function boundToCnyMinor(input: string | undefined, rate: PinnedRate): number | undefined {
  const text = input?.trim();
  if (!text || !/^\d{1,9}(\.\d{1,3})?$/.test(text)) return undefined;
  try {
    return convert(fromDecimalString(text, rate.currency), 'CNY', invertRate(rate.rate)).amountMinor;
  } catch {
    return undefined; // more decimals than the currency has
  }
}
