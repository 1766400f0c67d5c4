import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import type { Actor } from '@/lib/orders/actor';
import { logPurchaseEvent } from './log-purchase-event';

/**
 * A failed purchase order goes back to work: `failed → claimed` (compare-and-set on the version the
 * caller saw) and its lines `failed → purchasing` in one transaction, ready to be previewed and
 * placed again. Lines withdrawn meanwhile (the order was refunded) stay out. False when someone
 * else retried, cancelled or bought it first.
 */
export async function reopenFailedOrder(db: Database, purchaseOrderId: number, expectedVersion: number, actor: Actor, step: 'retried' | 'auto_retry'): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [result] = await tx
      .update(purchaseOrders)
      .set({ status: 'claimed', version: sql`${purchaseOrders.version} + 1` })
      .where(and(eq(purchaseOrders.id, purchaseOrderId), eq(purchaseOrders.status, 'failed'), eq(purchaseOrders.version, expectedVersion)));
    if (result.affectedRows !== 1) return false;
    const [lines] = await tx
      .update(orderItems)
      .set({ purchaseStatus: 'purchasing' })
      .where(and(eq(orderItems.purchaseOrderId, purchaseOrderId), eq(orderItems.purchaseStatus, 'failed')));
    await logPurchaseEvent(tx, purchaseOrderId, step, actor, { lines: lines.affectedRows });
    return true;
  });
}
