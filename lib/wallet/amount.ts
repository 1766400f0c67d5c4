import { fromDecimalString, isSupportedCurrency, minorUnits, type CurrencyCode } from '@/lib/money';

/** The largest single top-up or adjustment, in major units of any currency: a cap against typos, well inside safe integers. */
export const MAX_WALLET_AMOUNT_MAJOR = 1_000_000;

export type WalletAmountProblem = 'currencyInvalid' | 'amountInvalid' | 'amountTooPrecise' | 'amountNotPositive' | 'amountTooLarge';

export type ParsedWalletAmount = { ok: true; currency: CurrencyCode; amountMinor: number } | { ok: false; problem: WalletAmountProblem };

/**
 * A typed amount ("12.50", "12,50", "1000" for JPY) in a currency the shop takes → minor units.
 * One decimal separator, no thousands separators, no sign (an adjustment's direction is its own
 * field), never more decimals than the currency has: refused, not rounded. `allowZero` is false for
 * money movements. The message keys are the forms' (`wallet.form.*`, `admin.wallets.form.*`).
 */
export function parseWalletAmount(value: string, currency: string): ParsedWalletAmount {
  if (!isSupportedCurrency(currency)) return { ok: false, problem: 'currencyInvalid' };
  const typed = value.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^\d{1,12}(\.\d+)?$/.test(typed)) return { ok: false, problem: 'amountInvalid' };
  const fraction = typed.split('.')[1] ?? '';
  if (fraction.length > minorUnits(currency)) return { ok: false, problem: 'amountTooPrecise' };
  const amountMinor = fromDecimalString(typed, currency).amountMinor;
  if (amountMinor <= 0) return { ok: false, problem: 'amountNotPositive' };
  if (amountMinor > MAX_WALLET_AMOUNT_MAJOR * 10 ** minorUnits(currency)) return { ok: false, problem: 'amountTooLarge' };
  return { ok: true, currency, amountMinor };
}
