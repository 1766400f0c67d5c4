import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { priceDifferences } from '@/db/schema/purchasing';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/audit/actor';
import { closeIfResolved } from './close-purchase-order';
import { completeOrders } from './complete-orders';
import { logPurchaseEvent } from './log-purchase-event';

export type DeclineRefund = { gateway: string; paymentId: string; amountMinor: number; currency: string; refundId: string; isWholeOrder: boolean };

type Declined = {
  difference: typeof priceDifferences.$inferSelect;
  order: typeof orders.$inferSelect;
  refund: DeclineRefund | null;
};

/**
 * Step 3 of declining a price difference, after the gateway has refunded: one transaction cancels
 * the request's lines, records the refund (purchase log, and the order's audit trail as
 * `payment.refund_requested`, where later refunds of the order find it) and closes the waiting
 * purchase order if nothing else waits. Then the order moves on if every line is settled: all
 * cancelled → refunded (units back), the rest bought → purchased.
 */
export async function settleCancelledLines(db: Database, redis: Redis | null, declined: Declined, actor: Actor): Promise<{ refund: DeclineRefund | null; orderRefunded: boolean }> {
  const { difference, order, refund } = declined;
  const itemIds = difference.lines.map((line) => line.orderItemId);
  await db.transaction(async (tx) => {
    await tx.update(priceDifferences).set({ resolvedAt: new Date() }).where(eq(priceDifferences.id, difference.id));
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'cancelled' })
      .where(and(inArray(orderItems.id, itemIds), eq(orderItems.purchaseStatus, 'awaiting_shopper')));
    await logPurchaseEvent(tx, difference.purchaseOrderId, 'declined', actor, { priceDifferenceId: difference.id, orderId: order.id, cancelledItemIds: itemIds, refund });
    if (refund) await recordAudit(tx, actor, 'payment.refund_requested', { type: 'order', id: order.id }, { ...refund, priceDifferenceId: difference.id });
    await closeIfResolved(tx, difference.purchaseOrderId, actor);
  });
  await completeOrders(db, redis, [order.id], actor, { priceDifferenceId: difference.id, ...(refund ? { refund } : {}) });
  const [now] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
  return { refund, orderRefunded: now?.status === 'refunded' };
}
