import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { orderItems } from '@/db/schema/orders';
import { priceDifferences } from '@/db/schema/purchasing';
import type { Executor } from '@/lib/inventory/db-stock';
import type { Actor } from '@/lib/audit/actor';
import { closeIfResolved } from './close-purchase-order';
import { logPurchaseEvent } from './log-purchase-event';

/**
 * The shopper paid a price difference (called by the payment webhook, inside its transaction):
 * the request `open → paid` (compare-and-set), and its lines leave the waiting purchase order for
 * the queue (`awaiting_shopper → queued`, unlinked). The worker then claims them into a new
 * purchase order, previews again and, at the price now paid for (see effectivePaidUnits), places
 * it. The waiting purchase order closes once none of its lines wait. False if it was not open.
 */
export async function applyDifferencePayment(tx: Executor, input: { differenceId: number; paymentId: string; actor: Actor }): Promise<boolean> {
  const [difference] = await tx
    .select({ id: priceDifferences.id, purchaseOrderId: priceDifferences.purchaseOrderId, lines: priceDifferences.lines, chargeMinor: priceDifferences.chargeMinor, chargeCurrency: priceDifferences.chargeCurrency })
    .from(priceDifferences)
    .where(eq(priceDifferences.id, input.differenceId));
  if (!difference) return false;
  const [result] = await tx
    .update(priceDifferences)
    .set({ status: 'paid', gatewayPaymentId: input.paymentId, resolvedAt: new Date() })
    .where(and(eq(priceDifferences.id, difference.id), eq(priceDifferences.status, 'open')));
  if (result.affectedRows !== 1) return false;
  const itemIds = difference.lines.map((line) => line.orderItemId);
  const [requeued] = await tx
    .update(orderItems)
    .set({ purchaseStatus: 'queued', purchaseOrderId: null })
    .where(and(inArray(orderItems.id, itemIds), eq(orderItems.purchaseOrderId, difference.purchaseOrderId), eq(orderItems.purchaseStatus, 'awaiting_shopper')));
  await logPurchaseEvent(tx, difference.purchaseOrderId, 'difference_paid', input.actor, {
    priceDifferenceId: difference.id,
    paymentId: input.paymentId,
    chargeMinor: difference.chargeMinor,
    currency: difference.chargeCurrency,
    requeuedItemIds: itemIds,
    requeuedLines: requeued.affectedRows,
  });
  await closeIfResolved(tx, difference.purchaseOrderId, input.actor);
  return true;
}
