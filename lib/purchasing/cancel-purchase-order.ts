import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/orders/actor';
import { logPurchaseEvent } from './log-purchase-event';

/**
 * "Cancel" on a failed purchase order: it is given up (`failed → cancelled`, compare-and-set on the
 * version the purchaser saw) and its lines go back to the queue, unlinked, to be bought in a new
 * group (by the worker or "Buy now"). Nothing is refunded: the shoppers still want their goods.
 */
export async function cancelPurchaseOrder(db: Database, purchaseOrderId: number, expectedVersion: number, actor: Actor, reason?: string): Promise<{ requeued: number }> {
  const requeued = await db.transaction(async (tx) => {
    const [result] = await tx
      .update(purchaseOrders)
      .set({ status: 'cancelled', version: sql`${purchaseOrders.version} + 1` })
      .where(and(eq(purchaseOrders.id, purchaseOrderId), eq(purchaseOrders.status, 'failed'), eq(purchaseOrders.version, expectedVersion)));
    if (result.affectedRows !== 1) return null;
    const [lines] = await tx
      .update(orderItems)
      .set({ purchaseStatus: 'queued', purchaseOrderId: null })
      .where(and(eq(orderItems.purchaseOrderId, purchaseOrderId), eq(orderItems.purchaseStatus, 'failed')));
    await logPurchaseEvent(tx, purchaseOrderId, 'cancelled', actor, { requeuedLines: lines.affectedRows, ...(reason ? { reason } : {}) });
    return lines.affectedRows;
  });
  if (requeued === null) throw new AppError('invalid_transition', 'This purchase order changed meanwhile (retried, cancelled or bought); reload and try again');
  return { requeued };
}
