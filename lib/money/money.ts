import { minorUnits, type CurrencyCode, type IsoCurrencyCode } from './currencies';

/**
 * The one money type: an integer count of the currency's minor unit (fen, cent, yen, fils).
 * Generic so that a KWD amount from a gateway is typed too, while plain `Money` stays the
 * currencies Ferry shows. Amounts never pass through floats; the integer must be a safe integer.
 */
export type Money<C extends IsoCurrencyCode = CurrencyCode> = {
  readonly amountMinor: number;
  readonly currency: C;
};

export type MoneyErrorCode = 'invalid_amount' | 'currency_mismatch' | 'invalid_decimal' | 'overflow' | 'invalid_rate';

export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

export function money<C extends IsoCurrencyCode>(amountMinor: number, currency: C): Money<C> {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new MoneyError('invalid_amount', `amountMinor must be a safe integer, got ${amountMinor}`);
  }
  minorUnits(currency); // throws on an unknown code
  // -0 would print as "-0.00" in some formatters.
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency };
}

export function zero<C extends IsoCurrencyCode>(currency: C): Money<C> {
  return money(0, currency);
}

function checked(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('overflow', `${what} overflows a safe integer: ${value}`);
  }
  return Number(value);
}

function sameCurrency(a: Money<IsoCurrencyCode>, b: Money<IsoCurrencyCode>): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}; convert first`);
  }
}

export function add<C extends IsoCurrencyCode>(a: Money<C>, b: Money<C>): Money<C> {
  sameCurrency(a, b);
  return money(checked(BigInt(a.amountMinor) + BigInt(b.amountMinor), 'add'), a.currency);
}

export function subtract<C extends IsoCurrencyCode>(a: Money<C>, b: Money<C>): Money<C> {
  sameCurrency(a, b);
  return money(checked(BigInt(a.amountMinor) - BigInt(b.amountMinor), 'subtract'), a.currency);
}

/** Unit price × quantity. Only integers: a fractional factor (a percentage) needs a rounding rule, see `percentOf` in convert.ts. */
export function multiply<C extends IsoCurrencyCode>(m: Money<C>, factor: number): Money<C> {
  if (!Number.isSafeInteger(factor)) {
    throw new MoneyError('invalid_amount', `multiply() takes an integer factor, got ${factor}`);
  }
  return money(checked(BigInt(m.amountMinor) * BigInt(factor), 'multiply'), m.currency);
}

export function negate<C extends IsoCurrencyCode>(m: Money<C>): Money<C> {
  return money(-m.amountMinor, m.currency);
}

/** Sum of amounts in one currency; the currency is explicit so an empty list still has one. */
export function sum<C extends IsoCurrencyCode>(items: readonly Money<C>[], currency: C): Money<C> {
  let total = 0n;
  for (const item of items) {
    sameCurrency(item, { amountMinor: 0, currency });
    total += BigInt(item.amountMinor);
  }
  return money(checked(total, 'sum'), currency);
}

export function compare<C extends IsoCurrencyCode>(a: Money<C>, b: Money<C>): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function equals(a: Money<IsoCurrencyCode>, b: Money<IsoCurrencyCode>): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

/**
 * Splits `total` across parts in proportion to integer `weights` (e.g. each line's amount) so the
 * parts add up to the total exactly: floor every share, then hand the leftover minor units to the
 * largest remainders (earlier parts win ties, so the result is deterministic). Used for spreading a
 * discount or a parcel's shipping over its items, and for refunds per line.
 */
export function allocate<C extends IsoCurrencyCode>(total: Money<C>, weights: readonly number[]): Money<C>[] {
  if (weights.length === 0) throw new MoneyError('invalid_amount', 'allocate() needs at least one weight');
  if (!weights.every((w) => Number.isSafeInteger(w) && w >= 0)) {
    throw new MoneyError('invalid_amount', 'allocate() weights must be non-negative safe integers');
  }
  const big = weights.map(BigInt);
  const weightSum = big.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new MoneyError('invalid_amount', 'allocate() weights must not all be zero');

  // Work on the magnitude so that floor and "largest remainder" mean the same for refunds (negative).
  const sign = total.amountMinor < 0 ? -1n : 1n;
  const magnitude = BigInt(total.amountMinor) * sign;
  const shares = big.map((w) => (magnitude * w) / weightSum);
  const remainders = big.map((w, index) => ({ index, remainder: (magnitude * w) % weightSum }));
  let leftover = magnitude - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return shares.map((share) => money(Number(share * sign), total.currency));
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "12.34" CNY → 1234 fen. Rejects more decimals than the currency has rather than rounding them away. */
export function fromDecimalString<C extends IsoCurrencyCode>(value: string, currency: C): Money<C> {
  const exponent = minorUnits(currency);
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new MoneyError('invalid_decimal', `Not a decimal amount: ${JSON.stringify(value)}`);
  const [, minus, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new MoneyError(
      'invalid_decimal',
      `${currency} has ${exponent} decimal place(s); ${JSON.stringify(value)} has ${fraction.length}`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0')) * (minus ? -1n : 1n);
  return money(checked(minor, 'fromDecimalString'), currency);
}

/** 1234 CNY → "12.34"; 1235 JPY → "1235"; -5 USD → "-0.05". Plain ASCII, for APIs and Intl input. */
export function toDecimalString(m: Money<IsoCurrencyCode>): string {
  const exponent = minorUnits(m.currency);
  const digits = Math.abs(m.amountMinor).toString().padStart(exponent + 1, '0');
  const sign = m.amountMinor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
