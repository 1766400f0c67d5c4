import { and, count, eq, sql } from 'drizzle-orm';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import type { Executor } from '@/lib/inventory/db-stock';
import type { Actor } from '@/lib/orders/actor';
import { logPurchaseEvent } from './log-purchase-event';

/**
 * A purchase order that waited for shoppers is closed (`awaiting_shopper → cancelled`) once none of
 * its lines wait any more: paid lines went back to the queue for a new purchase at the new price,
 * declined ones were cancelled. It never placed anything; its log keeps what happened.
 */
export async function closeIfResolved(tx: Executor, purchaseOrderId: number, actor: Actor): Promise<boolean> {
  const [waiting] = await tx
    .select({ n: count() })
    .from(orderItems)
    .where(and(eq(orderItems.purchaseOrderId, purchaseOrderId), eq(orderItems.purchaseStatus, 'awaiting_shopper')));
  if (waiting!.n > 0) return false;
  const [result] = await tx
    .update(purchaseOrders)
    .set({ status: 'cancelled', version: sql`${purchaseOrders.version} + 1` })
    .where(and(eq(purchaseOrders.id, purchaseOrderId), eq(purchaseOrders.status, 'awaiting_shopper')));
  if (result.affectedRows !== 1) return false;
  await logPurchaseEvent(tx, purchaseOrderId, 'closed', actor, { reason: 'no line waits for a shopper any more' });
  return true;
}
