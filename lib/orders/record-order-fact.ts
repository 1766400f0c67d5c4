import 'server-only';
import { orderEvents } from '@/db/schema/orders';
import type { Executor } from '@/lib/db/executor';

/**
 * Things that happen to an order without moving its status, as the outbox carries them to
 * subscribers (lib/events) — the shopper's emails among them:
 * - `order.price_difference`: the seller's price rose; the shopper is asked to pay the difference
 *   (`{ priceDifferenceId, chargeMinor, chargeCurrency }`);
 * - `order.partially_refunded`: part of what was paid went back (`{ amountMinor, currency, refundedTotalMinor }`).
 */
export type OrderFact = 'order.price_difference' | 'order.partially_refunded';

/** Appends the fact to the outbox in the caller's transaction, so it exists exactly when the change does. */
export async function recordOrderFact(tx: Executor, orderId: number, type: OrderFact, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(orderEvents).values({ orderId, subjectType: 'order', subjectId: orderId, type, fromStatus: null, toStatus: null, payload });
}
