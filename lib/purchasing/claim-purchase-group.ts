import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sellers } from '@/db/schema/catalog';
import { orderItems, orders, type OrderStatus } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import type { Executor } from '@/lib/inventory/db-stock';
import type { Actor } from '@/lib/audit/actor';
import { transitionInTx } from '@/lib/orders/transition-order';
import { purchasableStatuses } from '@/lib/orders/transitions';
import { isLockConflict } from '@/lib/db/lock-conflict';
import { selectSellerGroup } from './group-lines';
import { effectivePaidUnits } from './load-purchase-lines';
import { logPurchaseEvent, purchasingWorker } from './log-purchase-event';
import { newPurchaseReference } from './reference';

export type ClaimedPurchase = { id: number; reference: string; sellerId: number; itemIds: number[]; orderIds: number[] };

/** How many queued lines of one seller are looked at for one group (enough for 100 SKUs in practice). */
const SCAN_LIMIT = 2000;
const ATTEMPTS = 8;

/** Someone else claimed some of the lines (or moved an order) first: this claim rolls back. */
class LostClaim extends Error {}

/**
 * Takes the oldest queued seller group for one upstream order. The lines move `queued →
 * purchasing` in one transaction with a compare-and-set (`… WHERE id IN (…) AND purchase_status =
 * 'queued'`) together with the purchase order row and the orders' `paid → purchasing` (or, cash on
 * delivery, `confirmed → purchasing`); if any line
 * was taken meanwhile the whole claim rolls back and the next group is tried. So two workers, two
 * servers or a double click can never hold the same line. Null when nothing is left to claim.
 */
export async function claimPurchaseGroup(db: Database, options: { actor?: Actor; sellerId?: number } = {}): Promise<ClaimedPurchase | null> {
  const actor = options.actor ?? purchasingWorker;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const group = await nextGroup(db, options.sellerId);
    if (group.length === 0) return null;
    try {
      return await db.transaction((tx) => claim(tx, group, actor));
    } catch (error) {
      if (!(error instanceof LostClaim) && !isLockConflict(error)) throw error;
      // Lost the race: the winner's lines are no longer queued; look again after a short pause.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
  return null;
}

/** The board's "Buy now": the queued lines of one seller. */
export function claimSellerGroup(db: Database, sellerId: number, actor: Actor): Promise<ClaimedPurchase | null> {
  return claimPurchaseGroup(db, { sellerId, actor });
}

type QueuedRow = { id: number; orderId: number; orderStatus: OrderStatus; sellerId: number; skuId: number; quantity: number; unitPriceCnyMinor: number };

/** Oldest first by when the order could first be bought: paid, or confirmed for cash on delivery. */
const queuedSince = sql`coalesce(${orders.paidAt}, ${orders.confirmedAt})`;

async function nextGroup(db: Database, sellerId?: number): Promise<QueuedRow[]> {
  const claimable = and(eq(orderItems.purchaseStatus, 'queued'), inArray(orders.status, purchasableStatuses));
  let seller = sellerId;
  if (seller === undefined) {
    const [oldest] = await db
      .select({ sellerId: orderItems.sellerId })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(claimable)
      .orderBy(asc(queuedSince), asc(orderItems.id))
      .limit(1);
    if (!oldest) return [];
    seller = oldest.sellerId;
  }
  const queue = await db
    .select({
      id: orderItems.id,
      orderId: orderItems.orderId,
      orderStatus: orders.status,
      sellerId: orderItems.sellerId,
      skuId: orderItems.skuId,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(claimable, eq(orderItems.sellerId, seller)))
    .orderBy(asc(queuedSince), asc(orderItems.id))
    .limit(SCAN_LIMIT);
  return selectSellerGroup(queue);
}

async function claim(tx: Executor, group: QueuedRow[], actor: Actor): Promise<ClaimedPurchase> {
  const sellerId = group[0]!.sellerId;
  const [seller] = await tx.select({ platform: sellers.platform, sourceId: sellers.sourceId }).from(sellers).where(eq(sellers.id, sellerId));
  if (!seller) throw new Error(`Seller ${sellerId} of queued lines does not exist`);
  const units = await effectivePaidUnits(tx, group);
  const expectedGoodsMinor = group.reduce((sum, line) => sum + units.get(line.id)! * line.quantity, 0);
  const reference = newPurchaseReference();
  const [row] = await tx
    .insert(purchaseOrders)
    .values({ reference, platform: seller.platform, sellerId, sellerSourceId: seller.sourceId, status: 'claimed', expectedGoodsMinor })
    .$returningId();
  const id = row!.id;

  const itemIds = group.map((line) => line.id);
  const [moved] = await tx
    .update(orderItems)
    .set({ purchaseStatus: 'purchasing', purchaseOrderId: id })
    .where(and(inArray(orderItems.id, itemIds), eq(orderItems.purchaseStatus, 'queued')));
  if (moved.affectedRows !== itemIds.length) throw new LostClaim();

  const seenStatus = new Map(group.map((line) => [line.orderId, line.orderStatus]));
  const orderIds = [...seenStatus.keys()].sort((a, b) => a - b);
  for (const orderId of orderIds) {
    const from = seenStatus.get(orderId)!;
    if (from === 'paid' || from === 'confirmed') {
      const moved = await transitionInTx(tx, { orderId, from, to: 'purchasing', actor, payload: { purchaseOrder: reference } });
      if (moved.changed) continue;
    }
    // Already purchasing (another seller's lines of the same order) is fine; anything else
    // (refunded meanwhile) means these lines must not be bought. A locking read sees the latest state.
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for('update');
    if (order?.status !== 'purchasing') throw new LostClaim();
  }
  await logPurchaseEvent(tx, id, 'claimed', actor, {
    lines: itemIds.length,
    skus: new Set(group.map((line) => line.skuId)).size,
    orders: orderIds.length,
    expectedGoodsMinor,
  });
  return { id, reference, sellerId, itemIds, orderIds };
}
