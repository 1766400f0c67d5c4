import 'server-only';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { orderItems, orders, priceDifferences, type OrderStatus } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { consumeInDb, releaseInDb } from '@/lib/inventory/db-stock';
import { holdsStock } from '@/lib/inventory/stock-holding-statuses';
import { defineMachine, type Move } from '@/lib/state-machine/define-machine';
import { transitions, type Transition } from './transitions';

/**
 * What must happen in Redis once the transaction has committed. `skuIds`: the order's SKUs (their
 * counters are marked for a recount if Redis cannot be told). `reloadSkuIds`: counters to drop so
 * they reload from the database (lines cancelled inside a consumed hold gave their units back).
 */
export type StockSettlement = { token: string; action: 'release' | 'consume'; skuIds: number[]; reloadSkuIds?: number[] } | null;

/**
 * The order state machine on lib/state-machine: the table in transitions.ts, and the order's own
 * effect of a move (its lines' purchase status and its stock) plugged in as the machine's effect.
 */
export const orderMachine = defineMachine({
  subject: 'order',
  table: orders,
  idColumn: orders.id,
  statusColumn: orders.status,
  versionColumn: orders.version,
  transitions,
  // A transition for one way of paying (confirming cash on delivery) does not apply to the other.
  guard: (transition) => {
    const payment = (transition as Transition).payment;
    return payment === 'cod' ? eq(orders.gateway, 'cod') : payment === 'prepaid' ? ne(orders.gateway, 'cod') : undefined;
  },
  columns: ({ from, to }) => ({
    ...(from === 'pending' && to === 'paid' ? { paidAt: new Date() } : {}),
    ...(from === 'pending' && to === 'confirmed' ? { confirmedAt: new Date() } : {}),
    ...(from === 'pending' ? { reservedUntil: null } : {}),
  }),
  effect: async (tx, move: Move<OrderStatus>): Promise<StockSettlement> => {
    await updatePurchaseLines(tx, move.id, move.from, move.to);
    return settleStock(tx, move.id, move.from, move.to);
  },
  outbox: ({ id, from, to }) => ({ orderId: id, fromStatus: from, toStatus: to }),
});

/**
 * Units go back when an order stops holding them, or leave the shadow stock when bought upstream.
 * The Redis side follows after the commit (the returned settlement).
 */
async function settleStock(tx: Executor, orderId: number, from: OrderStatus, to: OrderStatus): Promise<StockSettlement> {
  if (!holdsStock(from) || holdsStock(to)) return null;
  const lines = await tx
    .select({ skuId: orderItems.skuId, quantity: orderItems.quantity, purchaseStatus: orderItems.purchaseStatus })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId));
  const consumed = to === 'purchased';
  // Lines the shopper cancelled before they were bought were never bought: their units go back.
  const bought = consumed ? lines.filter((l) => l.purchaseStatus !== 'cancelled') : [];
  const returned = consumed ? lines.filter((l) => l.purchaseStatus === 'cancelled') : lines;
  await consumeInDb(tx, bought);
  await releaseInDb(tx, returned);
  const [order] = await tx.select({ token: orders.checkoutToken }).from(orders).where(eq(orders.id, orderId));
  const settlement: StockSettlement = { token: order!.token, action: consumed ? 'consume' : 'release', skuIds: lines.map((l) => l.skuId) };
  if (consumed && returned.length > 0) settlement.reloadSkuIds = returned.map((l) => l.skuId);
  return settlement;
}

/**
 * The lines' purchase status follows the order (lib/purchasing works line by line): paid (or
 * confirmed cash-on-delivery) lines join the purchasing queue, or the purchaser's review when the
 * shopper left a note; an order bought by hand takes its waiting lines with it; a cancelled or
 * refunded order withdraws the lines not yet bought and any open price-difference request.
 */
async function updatePurchaseLines(tx: Executor, orderId: number, from: OrderStatus, to: OrderStatus): Promise<void> {
  if (from === 'pending' && (to === 'paid' || to === 'confirmed')) {
    // A line with a note for the buyer waits for a purchaser to read it (lib/purchasing/buyer-notes).
    await tx
      .update(orderItems)
      .set({ purchaseStatus: sql`case when trim(coalesce(${orderItems.remark}, '')) <> '' then 'review' else 'queued' end` })
      .where(and(eq(orderItems.orderId, orderId), isNull(orderItems.purchaseStatus)));
  } else if (to === 'purchased') {
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'purchased' })
      .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.purchaseStatus, ['review', 'queued', 'failed'])));
  } else if (to === 'cancelled' || to === 'refunded') {
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'cancelled' })
      .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.purchaseStatus, ['review', 'queued', 'failed', 'awaiting_shopper'])));
    await tx
      .update(priceDifferences)
      .set({ status: 'cancelled', resolvedAt: new Date() })
      .where(and(eq(priceDifferences.orderId, orderId), eq(priceDifferences.status, 'open')));
  }
}
