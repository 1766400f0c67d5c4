import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import type { Actor } from '@/lib/audit/actor';
import { formatFailure, type Failure } from './failure-reason';
import { logPurchaseStep } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';

/**
 * Marks a purchase order failed (compare-and-set on the status and version it was in) with the
 * reason and one more attempt, and its lines `purchasing → failed`, which keeps them out of the
 * queue until staff (or the worker, for transient trouble) retries or cancels. False if the
 * purchase order had moved on meanwhile.
 */
export async function failPurchaseOrder(
  db: Database,
  po: { id: number; status: PurchaseOrderStatus; version: number },
  failure: Failure,
  actor: Actor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await movePurchaseOrder(tx, {
      id: po.id,
      from: po.status,
      to: 'failed',
      actor,
      expectedVersion: po.version,
      set: { lastError: formatFailure(failure), attempts: sql`${purchaseOrders.attempts} + 1` },
      payload: { ...failure },
    });
    if (!moved) return false;
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'failed' })
      .where(and(eq(orderItems.purchaseOrderId, po.id), eq(orderItems.purchaseStatus, 'purchasing')));
    await logPurchaseStep(tx, po.id, 'failed', actor, { ...failure, from: po.status });
    return true;
  });
}
