import 'server-only';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { priceDifferences, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import type { Actor } from '@/lib/audit/actor';
import { recordOrderFact } from '@/lib/orders/record-order-fact';
import type { PurchasePreview } from '@/lib/suppliers/types';
import { atOrderRate, differenceRequests, type PriceCheck } from './amounts';
import { closeIfResolved } from './close-purchase-order';
import { logPurchaseStep } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';

/**
 * The upstream asks more than the shoppers paid: nothing is bought. In one transaction (a
 * compare-and-set on the purchase order's status and version):
 * - one `price_differences` request per Ferry order for its risen lines, in CNY and in the order's
 *   charge currency at its pinned rate (half-even, once per request); those lines wait
 *   (`awaiting_shopper`) and the purchase order waits with them;
 * - the purchase order's other lines go back to the queue (unlinked), so one shopper's decision
 *   never holds up another's goods; the worker buys them in the next group;
 * - a difference too small to charge in the order's currency (it rounds to 0) is absorbed: the
 *   request is recorded as paid and its lines go back to the queue at the new price.
 * Each open request is an `order.price_difference` fact of its order, written in the same
 * transaction: the shopper's email goes out through the event relay. False if the purchase order
 * moved meanwhile.
 */
export async function recordPriceRise(
  db: Database,
  po: { id: number; status: PurchaseOrderStatus; version: number },
  preview: PurchasePreview,
  check: PriceCheck,
  actor: Actor,
): Promise<boolean> {
  const requests = differenceRequests(check.risen);
  const recorded = await db.transaction(async (tx) => {
    const moved = await movePurchaseOrder(tx, {
      id: po.id,
      from: po.status,
      to: 'awaiting_shopper',
      actor,
      expectedVersion: po.version,
      set: { previewGoodsMinor: preview.goodsMinor, previewFreightMinor: preview.freightMinor },
      payload: { expectedGoodsMinor: check.paidGoodsMinor, previewGoodsMinor: preview.goodsMinor },
    });
    if (!moved) return false;

    const orderRows = await tx
      .select({ id: orders.id, chargeCurrency: orders.chargeCurrency, chargeRate: orders.chargeRate })
      .from(orders)
      .where(inArray(orders.id, requests.map((r) => r.orderId)));
    const byId = new Map(orderRows.map((o) => [o.id, o]));
    const summary = [];
    const waiting: number[] = [];
    for (const request of requests) {
      const order = byId.get(request.orderId)!;
      const chargeMinor = atOrderRate(request.amountCnyMinor, order);
      const isAbsorbed = chargeMinor === 0;
      const [row] = await tx
        .insert(priceDifferences)
        .values({
          orderId: order.id,
          purchaseOrderId: po.id,
          status: isAbsorbed ? 'paid' : 'open',
          amountCnyMinor: request.amountCnyMinor,
          chargeCurrency: order.chargeCurrency,
          chargeMinor,
          lines: request.lines,
          resolvedAt: isAbsorbed ? new Date() : null,
        })
        .$returningId();
      summary.push({ id: row!.id, orderId: order.id, amountCnyMinor: request.amountCnyMinor, chargeMinor, currency: order.chargeCurrency, absorbed: isAbsorbed });
      if (isAbsorbed) continue;
      waiting.push(...request.lines.map((l) => l.orderItemId));
      await recordOrderFact(tx, order.id, 'order.price_difference', { priceDifferenceId: row!.id, chargeMinor, chargeCurrency: order.chargeCurrency });
    }
    if (waiting.length > 0) {
      await tx
        .update(orderItems)
        .set({ purchaseStatus: 'awaiting_shopper' })
        .where(and(eq(orderItems.purchaseOrderId, po.id), eq(orderItems.purchaseStatus, 'purchasing'), inArray(orderItems.id, waiting)));
    }
    const others = and(eq(orderItems.purchaseOrderId, po.id), eq(orderItems.purchaseStatus, 'purchasing'));
    const [requeued] = await tx
      .update(orderItems)
      .set({ purchaseStatus: 'queued', purchaseOrderId: null })
      .where(waiting.length > 0 ? and(others, notInArray(orderItems.id, waiting)) : others);
    await logPurchaseStep(tx, po.id, 'price_rise', actor, {
      expectedGoodsMinor: check.paidGoodsMinor,
      previewGoodsMinor: preview.goodsMinor,
      requests: summary,
      requeuedLines: requeued.affectedRows,
    });
    await closeIfResolved(tx, po.id, actor);
    return true;
  });
  return recorded;
}
