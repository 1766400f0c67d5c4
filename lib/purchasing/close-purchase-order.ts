import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { orderItems } from '@/db/schema/orders';
import type { Executor } from '@/lib/db/executor';
import type { Actor } from '@/lib/audit/actor';
import { logPurchaseStep } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';

const REASON = 'no line waits for a shopper any more';

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
  if (!(await movePurchaseOrder(tx, { id: purchaseOrderId, from: 'awaiting_shopper', to: 'cancelled', actor, reason: REASON }))) return false;
  await logPurchaseStep(tx, purchaseOrderId, 'closed', actor, { reason: REASON });
  return true;
}
