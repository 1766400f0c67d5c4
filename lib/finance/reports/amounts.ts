import Big from 'big.js';
import { minorUnits } from '@/lib/money/currencies';

/**
 * Report figures are added up unrounded (big.js, from the exact decimal sums SQL returns) and
 * rounded once, half-even, when shown: a period's total is not the sum of its rounded rows.
 */
const Dec = Big();
Dec.DP = 24;
Dec.RM = Big.roundHalfEven;

export type Exact = Big;
export const exact = (value: string | number | Big = 0): Big => new Dec(value);

/** Minor units of `currency` → CNY minor units at `chargeRate` (1 CNY = chargeRate `currency`). */
export function chargeToCnyMinor(amountMinor: string | number | Big, currency: string, chargeRate: string): Big {
  return shiftMinor(new Dec(amountMinor).div(new Dec(chargeRate)), currency, 'CNY');
}

/** Re-expresses an amount of `from` minor units as minor units of `to` (same value, other exponent). */
export function shiftMinor(amount: Big, from: string, to: string): Big {
  const shift = minorUnits(to) - minorUnits(from);
  return shift === 0 ? amount : amount.times(new Dec(`1e${shift}`));
}

/** CNY minor units → `currency` minor units at `rate` (1 CNY = rate), unrounded. */
export function cnyToReporting(cnyMinor: Big, currency: string, rate: string): Big {
  return shiftMinor(cnyMinor.times(new Dec(rate)), 'CNY', currency);
}

/** The one rounding: half-even to a whole minor unit. */
export function roundMinor(value: Big): number {
  const n = Number(value.round(0, Big.roundHalfEven).toFixed(0));
  if (!Number.isSafeInteger(n)) throw new Error('report figure overflows a safe integer');
  return n;
}
