import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { logPurchaseStep } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';

/**
 * "Cancel" on a failed purchase order: it is given up (`failed → cancelled`, compare-and-set on the
 * version the purchaser saw) and its lines go back to the queue, unlinked, to be bought in a new
 * group (by the worker or "Buy now"). Nothing is refunded: the shoppers still want their goods.
 */
export async function cancelPurchaseOrder(db: Database, purchaseOrderId: number, expectedVersion: number, actor: Actor, reason?: string): Promise<{ requeued: number }> {
  const requeued = await db.transaction(async (tx) => {
    if (!(await movePurchaseOrder(tx, { id: purchaseOrderId, from: 'failed', to: 'cancelled', actor, expectedVersion, reason }))) return null;
    const [lines] = await tx
      .update(orderItems)
      .set({ purchaseStatus: 'queued', purchaseOrderId: null })
      .where(and(eq(orderItems.purchaseOrderId, purchaseOrderId), eq(orderItems.purchaseStatus, 'failed')));
    await logPurchaseStep(tx, purchaseOrderId, 'cancelled', actor, { requeuedLines: lines.affectedRows, ...(reason ? { reason } : {}) });
    return lines.affectedRows;
  });
  if (requeued === null) throw new AppError('invalid_transition', 'This purchase order changed meanwhile (retried, cancelled or bought); reload and try again');
  return { requeued };
}
