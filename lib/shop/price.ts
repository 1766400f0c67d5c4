import { convert, formatMoney, fromDecimalString, invertRate, type CurrencyCode, type Money } from '@/lib/money';

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
