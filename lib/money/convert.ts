import Big from 'big.js';
import { minorUnits, type IsoCurrencyCode } from './currencies';
import { money, MoneyError, sum, type Money } from './money';

/**
 * Currency conversion on decimal strings with big.js. Multiplication is exact in big.js, so the
 * only rounding is the final half-even step to the target's minor unit. Rates are never Numbers.
 *
 * A private Big constructor: its DP/RM settings cannot be changed by (or leak into) other code.
 */
const Dec = Big();
/** Rates are stored as DECIMAL(24,12): derived rates are computed to the same 12 places. */
export const RATE_DECIMALS = 12;
Dec.DP = RATE_DECIMALS;
Dec.RM = Big.roundHalfEven;

const RATE = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Parses a positive decimal rate string ("7.1234"); anything else is a bug upstream, so it throws. */
export function parseRate(rate: string): Big {
  if (!RATE.test(rate)) throw new MoneyError('invalid_rate', `Not a decimal rate: ${JSON.stringify(rate)}`);
  const value = new Dec(rate);
  if (value.lte(0)) throw new MoneyError('invalid_rate', `Rate must be positive, got ${rate}`);
  return value;
}

/** Exact value of `m` expressed in minor units of `to` (unrounded). */
function exactMinor(m: Money<IsoCurrencyCode>, to: IsoCurrencyCode, rate: Big): Big {
  const shift = minorUnits(to) - minorUnits(m.currency);
  return new Dec(m.amountMinor).times(rate).times(new Dec(`1e${shift}`));
}

function toMinor(value: Big, what: string): number {
  const rounded = value.round(0, Big.roundHalfEven);
  const asNumber = Number(rounded.toFixed(0));
  if (!Number.isSafeInteger(asNumber)) throw new MoneyError('overflow', `${what} overflows a safe integer`);
  return asNumber;
}

/**
 * Converts at `rate` where 1 `money.currency` = `rate` `to`:
 * amountMinor / 10^expFrom × rate × 10^expTo, rounded half-even once.
 */
export function convert<T extends IsoCurrencyCode>(m: Money<IsoCurrencyCode>, to: T, rate: string): Money<T> {
  return money(toMinor(exactMinor(m, to, parseRate(rate)), 'convert'), to);
}

/**
 * Converts the sum of several amounts, rounding once: three 0.05 CNY items at 0.14 are 2 US cents
 * in total, not 3 (rounding each line first would overcharge by a cent).
 */
export function convertTotal<F extends IsoCurrencyCode, T extends IsoCurrencyCode>(
  items: readonly Money<F>[],
  from: F,
  to: T,
  rate: string,
): Money<T> {
  return convert(sum(items, from), to, rate);
}

/**
 * A price breakdown shown in the shopper's currency: the total is the one half-even rounding of
 * the exact sum, and every line is within one minor unit of its exact value, adjusted so the lines
 * add up to that total (the lines that rounded furthest from their exact value absorb the
 * difference). Lines may be negative (discounts).
 *
 * `keep` names lines that should show their own rounding wherever another line can take the
 * difference instead: checkout keeps the items row equal to the cart's subtotal, so ticking a
 * service moves the fee rows, never the items. A kept line is adjusted only when no other line
 * rounded the needed way (then it is still within one minor unit of exact).
 */
export function convertBreakdown<K extends string, F extends IsoCurrencyCode, T extends IsoCurrencyCode>(
  lines: Readonly<Record<K, Money<F>>>,
  from: F,
  to: T,
  rate: string,
  options: { keep?: readonly NoInfer<K>[] } = {},
): { lines: Record<K, Money<T>>; total: Money<T> } {
  const r = parseRate(rate);
  const keys = Object.keys(lines) as K[];
  const kept = new Set<K>(options.keep ?? []);
  const exact = keys.map((key) => {
    const line = lines[key];
    if (line.currency !== from) throw new MoneyError('currency_mismatch', `Line ${key} is ${line.currency}, expected ${from}`);
    return exactMinor(line, to, r);
  });
  const total = toMinor(exact.reduce((a, b) => a.plus(b), new Dec(0)), 'convertBreakdown total');
  const rounded = exact.map((value) => toMinor(value, 'convertBreakdown line'));
  let difference = total - rounded.reduce((a, b) => a + b, 0);
  const step = difference > 0 ? 1 : -1;
  // Rank lines by how far their rounding went against the needed direction; ties keep line order.
  // Only a line that rounded the needed way moves, so it stays within one unit of exact (a zero
  // line never turns into a cent); lines to keep go last.
  const order = exact
    .map((value, index) => ({ index, isKept: kept.has(keys[index] as K), error: value.minus(rounded[index] ?? 0).times(step) }))
    .filter((line) => line.error.gt(0))
    .sort((a, b) => Number(a.isKept) - Number(b.isKept) || b.error.cmp(a.error) || a.index - b.index);
  for (const { index } of order) {
    if (difference === 0) break;
    rounded[index] = (rounded[index] ?? 0) + step;
    difference -= step;
  }
  const out = {} as Record<K, Money<T>>;
  keys.forEach((key, index) => {
    out[key] = money(rounded[index] ?? 0, to);
  });
  return { lines: out, total: money(total, to) };
}

/**
 * `percent` of an amount ("8" → 8 %, "2.5" → 2.5 %), rounded half-even to the minor unit: service
 * fees. Multiplying by 0.01 instead of dividing by 100 keeps the product exact until that rounding.
 */
export function percentOf<C extends IsoCurrencyCode>(m: Money<C>, percent: string): Money<C> {
  if (!RATE.test(percent)) throw new MoneyError('invalid_rate', `Not a decimal percentage: ${JSON.stringify(percent)}`);
  return money(toMinor(new Dec(m.amountMinor).times(percent).times('0.01'), 'percentOf'), m.currency);
}

/**
 * 1 A = `rateAB` B and 1 A = `rateAC` C ⇒ 1 B = (rateAC / rateAB) C, to 12 places half-even.
 * Rate strings come out of `toFixed()`, which never uses exponent notation (MySQL and JSON want plain decimals).
 */
export function crossRate(rateAB: string, rateAC: string): string {
  return parseRate(rateAC).div(parseRate(rateAB)).toFixed();
}

/**
 * '0.141264000000' → '0.141264': the same rate as the string Ferry prints and pins (DECIMAL(24,12)
 * columns come back zero-padded). Big's toFixed() without places never uses exponent notation.
 */
export function normalizeRate(rate: string): string {
  return parseRate(rate).toFixed();
}

/** 1 A = `rate` B ⇒ 1 B = 1/rate A, to 12 places half-even. */
export function invertRate(rate: string): string {
  return new Dec(1).div(parseRate(rate)).toFixed();
}

/** 1 A = `rateAB` B and 1 B = `rateBC` C ⇒ 1 A = rateAB × rateBC C, rounded to 12 places. */
export function chainRate(rateAB: string, rateBC: string): string {
  return parseRate(rateAB).times(parseRate(rateBC)).round(RATE_DECIMALS, Big.roundHalfEven).toFixed();
}

/**
 * Relative distance |live − reference| / reference, compared with `maxPercent` without floats.
 * Checkout blocks when a live rate moved more than 2 % from the cached one.
 */
export function rateDeviates(live: string, reference: string, maxPercent: string): boolean {
  const ref = parseRate(reference);
  return parseRate(live).minus(ref).abs().times(100).gt(ref.times(maxPercent));
}

/**
 * Converts an amount charged at a pinned rate back and across in one step, rounding once:
 * `m` is in the charge currency where 1 CNY = `chargeRate` of it; the result is `to` where
 * 1 CNY = `toRate` of `to` (`'1'` for CNY itself). amount ÷ chargeRate × toRate, half-even at the end.
 */
export function convertThroughCny<T extends IsoCurrencyCode>(m: Money<IsoCurrencyCode>, chargeRate: string, to: T, toRate: string): Money<T> {
  const Exact = Big();
  Exact.DP = 40;
  const shift = minorUnits(to) - minorUnits(m.currency);
  const value = new Exact(m.amountMinor).div(new Exact(parseRate(chargeRate).toString())).times(new Exact(parseRate(toRate).toString())).times(new Exact(`1e${shift}`));
  return money(toMinor(value, 'convert'), to);
}
