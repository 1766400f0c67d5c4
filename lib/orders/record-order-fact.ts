import 'server-only';
import type { Executor } from '@/lib/db/executor';
import { recordFact } from '@/lib/events/record-fact';

/**
 * Things that happen to an order without moving its status, as the outbox carries them to
 * subscribers (lib/events) — the shopper's emails among them:
 * - `order.price_difference`: the seller's price rose; the shopper is asked to pay the difference
 *   (`{ priceDifferenceId, chargeMinor, chargeCurrency }`);
 * - `order.partially_refunded`: part of what was paid went back (`{ amountMinor, currency, refundedTotalMinor }`);
 * - `order.refund_issued`: staff refunded part of it to the shopper's wallet (`{ refundId, amountMinor, currency, to }`).
 */
export type OrderFact = 'order.price_difference' | 'order.partially_refunded' | 'order.refund_issued';

/** Appends the fact to the outbox in the caller's transaction (lib/events/record-fact). */
export function recordOrderFact(tx: Executor, orderId: number, type: OrderFact, payload: Record<string, unknown>): Promise<void> {
  return recordFact(tx, { subjectType: 'order', subjectId: orderId, orderId, type, payload });
}
