import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { logPurchaseStep } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';

/**
 * A failed purchase order goes back to work: `failed → claimed` (compare-and-set on the version the
 * caller saw) and its lines `failed → purchasing` in one transaction, ready to be previewed and
 * placed again. Lines withdrawn meanwhile (the order was refunded) stay out. False when someone
 * else retried, cancelled or bought it first.
 */
export async function reopenFailedOrder(db: Database, purchaseOrderId: number, expectedVersion: number, actor: Actor, step: 'retried' | 'auto_retry'): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await movePurchaseOrder(tx, { id: purchaseOrderId, from: 'failed', to: 'claimed', actor, expectedVersion, payload: { isAutomatic: step === 'auto_retry' } }))) return false;
    const [lines] = await tx
      .update(orderItems)
      .set({ purchaseStatus: 'purchasing' })
      .where(and(eq(orderItems.purchaseOrderId, purchaseOrderId), eq(orderItems.purchaseStatus, 'failed')));
    await logPurchaseStep(tx, purchaseOrderId, step, actor, { lines: lines.affectedRows });
    return true;
  });
}
