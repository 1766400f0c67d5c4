import { AppError, isAppError, type AppErrorCode } from '@/lib/errors';
import { isIsoCurrency, toDecimalString } from '@/lib/money';

/**
 * Why issueRefund refused, as a machine word in the AppError's details (`details.reason`), with the
 * amounts that explain it in the order's charge currency: the staff form words it in the staff
 * member's language (refund-refusal-message.ts), `ferry refund` prints it on its one stderr line.
 */
export const refundRefusalReasons = [
  'reason_required',
  'invalid_key',
  'invalid_amount',
  'items_and_amount',
  'order_not_found',
  'key_reused',
  'no_payment',
  /** Nothing is left: every refund of the order is settled. */
  'nothing_refundable',
  /** Nothing is left, and part of it is a card refund still waiting for the gateway's confirmation. */
  'pending_card_refund',
  'exceeds_refundable',
  'item_not_in_order',
  'item_already_refunded',
  'no_shopper_account',
  'gateway_refused',
] as const;
export type RefundRefusalReason = (typeof refundRefusalReasons)[number];

export type RefundRefusal = {
  reason: RefundRefusalReason;
  /** The order's charge currency: every amount below is in its minor units. */
  currency?: string;
  /** What is still refundable now. */
  refundableMinor?: number;
  /** What was asked for. */
  requestedMinor?: number;
  /** Card refunds asked of the gateway and not yet confirmed (already counted as refunded). */
  pendingMinor?: number;
  itemIds?: number[];
};

export function refuseRefund(code: AppErrorCode, refusal: RefundRefusal, message: string): AppError {
  return new AppError(code, message, { ...refusal });
}

/** The refusal an error carries, or null (another error, or details that are not one). */
export function refundRefusalOf(error: unknown): RefundRefusal | null {
  if (!isAppError(error)) return null;
  const details = error.details ?? {};
  const reason = details.reason;
  if (typeof reason !== 'string' || !(refundRefusalReasons as readonly string[]).includes(reason)) return null;
  const minor = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined);
  const refusal: RefundRefusal = { reason: reason as RefundRefusalReason };
  if (typeof details.currency === 'string' && isIsoCurrency(details.currency)) refusal.currency = details.currency;
  for (const key of ['refundableMinor', 'requestedMinor', 'pendingMinor'] as const) {
    const value = minor(details[key]);
    if (value !== undefined) refusal[key] = value;
  }
  if (Array.isArray(details.itemIds)) refusal.itemIds = details.itemIds.filter((id): id is number => typeof id === 'number');
  return refusal;
}

/** `12.34 EUR (1234 minor units)`: the CLI's and the log's wording of an amount, exact in both forms. */
export function plainAmount(amountMinor: number, currency: string): string {
  const decimal = isIsoCurrency(currency) ? `${toDecimalString({ amountMinor, currency })} ${currency}` : `${amountMinor} ${currency}`;
  return `${decimal} (${amountMinor} minor units)`;
}
