import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import type { RefundDisposition } from '@/db/schema/refunds';
import type { Actor } from '@/lib/audit/actor';
import { getConnector } from '@/lib/suppliers/registry';
import type { SupplierConnector, SupplierPlatform } from '@/lib/suppliers/types';
import { completeOrders } from './complete-orders';
import { logPurchaseEvent } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';

export type SettleDeps = { connectorFor?: (platform: SupplierPlatform) => SupplierConnector };

const NOT_BOUGHT = new Set(['review', 'queued', 'failed', 'awaiting_shopper', 'cancelled']);
const UNSHIPPED = new Set(['awaiting_payment', 'awaiting_shipment']);

/**
 * What becomes of refunded items upstream, so none is both paid to the seller and refunded
 * (a refund comes first; this never touches money):
 * - never bought: the line is cancelled (its units go back when the order settles its stock, as for
 *   a declined price rise), and the order moves on if nothing else waits;
 * - bought, the seller has not shipped, and every line of its purchase order is refunded: the
 *   upstream order is cancelled (1688 `alibaba.trade.cancel`), the purchase order and its lines
 *   marked cancelled. 1688 cannot cancel part of an order, so a purchase order with other lines
 *   still wanted — or one being bought right now, or a cancel the upstream refused — is left for
 *   staff (`staff_review`);
 * - shipped, in the warehouse or accepted: the agent's stock; returned to the seller: a return.
 * (Moving warehouse items to `refunded` is the caller's: lib/warehouse sits above purchasing.)
 * Returns each item's disposition.
 */
export async function settleRefundedItems(
  db: Database,
  redis: Redis | null,
  input: { orderId: number; itemIds: readonly number[]; actor: Actor; reason: string },
  deps: SettleDeps = {},
): Promise<Map<number, RefundDisposition>> {
  const dispositions = new Map<number, RefundDisposition>();
  if (input.itemIds.length === 0) return dispositions;
  const items = await db
    .select({ id: orderItems.id, purchaseStatus: orderItems.purchaseStatus, purchaseOrderId: orderItems.purchaseOrderId, fulfilmentStatus: orderItems.fulfilmentStatus })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, input.orderId), inArray(orderItems.id, [...input.itemIds])));
  const refunded = new Set(items.map((item) => item.id));
  const byPurchaseOrder = new Map<number, number[]>();

  for (const item of items) {
    if (item.fulfilmentStatus !== 'upstream') {
      dispositions.set(item.id, item.fulfilmentStatus === 'returned' ? 'return_to_seller' : 'agent_stock');
    } else if (item.purchaseStatus === null || NOT_BOUGHT.has(item.purchaseStatus)) {
      await db.update(orderItems).set({ purchaseStatus: 'cancelled' }).where(and(eq(orderItems.id, item.id), eq(orderItems.fulfilmentStatus, 'upstream')));
      dispositions.set(item.id, 'not_bought');
    } else if (item.purchaseStatus === 'purchased' && item.purchaseOrderId !== null) {
      byPurchaseOrder.set(item.purchaseOrderId, [...(byPurchaseOrder.get(item.purchaseOrderId) ?? []), item.id]);
    } else {
      dispositions.set(item.id, 'staff_review');
    }
  }

  for (const [purchaseOrderId, itemIds] of byPurchaseOrder) {
    const outcome = await cancelUpstreamIfWhole(db, purchaseOrderId, refunded, input, deps);
    for (const id of itemIds) dispositions.set(id, outcome);
  }
  if ([...dispositions.values()].includes('not_bought')) await completeOrders(db, redis, [input.orderId], input.actor, { refundedItemIds: [...refunded] });
  return dispositions;
}

async function cancelUpstreamIfWhole(
  db: Database,
  purchaseOrderId: number,
  refunded: ReadonlySet<number>,
  input: { actor: Actor; reason: string },
  deps: SettleDeps,
): Promise<RefundDisposition> {
  const [po] = await db
    .select({ id: purchaseOrders.id, status: purchaseOrders.status, platform: purchaseOrders.platform, upstreamOrderId: purchaseOrders.upstreamOrderId, version: purchaseOrders.version })
    .from(purchaseOrders)
    .where(eq(purchaseOrders.id, purchaseOrderId));
  if (!po?.upstreamOrderId || po.status !== 'placed') return 'staff_review';
  const lines = await db.select({ id: orderItems.id, purchaseStatus: orderItems.purchaseStatus }).from(orderItems).where(eq(orderItems.purchaseOrderId, po.id));
  const isWhole = lines.every((line) => refunded.has(line.id) || line.purchaseStatus === 'cancelled');
  const connector = (deps.connectorFor ?? getConnector)(po.platform as SupplierPlatform);
  let upstream: string;
  try {
    upstream = (await connector.getOrder(po.upstreamOrderId)).status;
  } catch (error) {
    await db.transaction((tx) => logPurchaseEvent(tx, po.id, 'refund_needs_staff', input.actor, { error: (error as Error).message, refundedItemIds: [...refunded] }));
    return 'staff_review';
  }
  if (!UNSHIPPED.has(upstream)) return 'agent_stock';
  if (!isWhole) {
    await db.transaction((tx) => logPurchaseEvent(tx, po.id, 'refund_needs_staff', input.actor, { why: 'part of the purchase order was refunded; 1688 cannot cancel part of an order', refundedItemIds: lines.filter((l) => refunded.has(l.id)).map((l) => l.id) }));
    return 'staff_review';
  }
  try {
    await connector.cancelOrder(po.upstreamOrderId, input.reason);
  } catch (error) {
    await db.transaction((tx) => logPurchaseEvent(tx, po.id, 'refund_needs_staff', input.actor, { error: (error as Error).message, refundedItemIds: [...refunded] }));
    return 'staff_review';
  }
  await db.transaction(async (tx) => {
    await movePurchaseOrder(tx, { id: po.id, from: 'placed', to: 'cancelled', actor: input.actor, reason: input.reason });
    await tx.update(orderItems).set({ purchaseStatus: 'cancelled' }).where(eq(orderItems.purchaseOrderId, po.id));
    await logPurchaseEvent(tx, po.id, 'cancelled_upstream', input.actor, { upstreamOrderId: po.upstreamOrderId, reason: input.reason });
  });
  return 'cancelled_upstream';
}
