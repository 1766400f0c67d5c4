import type { Redis } from '@upstash/redis';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { databaseName, type Database } from '@/db/client';
import { orderEvents, orderItems, orders, priceDifferences, type OrderStatus } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { consumeInDb, releaseInDb, type Executor } from '@/lib/inventory/db-stock';
import { consumeRedisHold, releaseRedisHold } from '@/lib/inventory/hold-stock';
import { invalidateCounters } from '@/lib/inventory/redis-stock';
import type { Actor } from './actor';
import { findTransition, holdsStock } from './transitions';

export type TransitionRequest = {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  actor: Actor;
  reason?: string;
  payload?: Record<string, unknown>;
  /** Staff screens pass the version they showed, so a stale button cannot act on a changed order. */
  expectedVersion?: number;
};

/**
 * What must happen in Redis once the transaction has committed. `reloadSkuIds`: counters to drop
 * so they reload from the database (lines cancelled inside a consumed hold gave their units back).
 */
export type StockSettlement = { token: string; action: 'release' | 'consume'; reloadSkuIds?: number[] } | null;

export type TransitionResult = { changed: boolean; settlement: StockSettlement };


/**
 * One order transition as a compare-and-set inside the caller's transaction:
 * `UPDATE orders … WHERE id = ? AND status = <from>` changes one row or none. When it changes,
 * the same transaction writes the outbox event, the audit record and the stock effect (units go
 * back when an order stops holding them, or leave the shadow stock when bought upstream).
 * `changed: false` means someone else moved the order first; nothing was written.
 */
export async function transitionInTx(tx: Executor, request: TransitionRequest): Promise<TransitionResult> {
  const { orderId, from, to, actor } = request;
  const transition = findTransition(from, to);
  if (!transition) throw new AppError('invalid_transition', `An order cannot go from ${from} to ${to}`);

  const conditions = [eq(orders.id, orderId), eq(orders.status, from)];
  if (request.expectedVersion !== undefined) conditions.push(eq(orders.version, request.expectedVersion));
  // A transition for one way of paying (confirming cash on delivery) does not apply to the other.
  if (transition.payment === 'cod') conditions.push(eq(orders.gateway, 'cod'));
  if (transition.payment === 'prepaid') conditions.push(ne(orders.gateway, 'cod'));
  const [result] = await tx
    .update(orders)
    .set({
      status: to,
      version: sql`${orders.version} + 1`,
      ...(to === 'paid' && from === 'pending' ? { paidAt: new Date() } : {}),
      ...(to === 'confirmed' && from === 'pending' ? { confirmedAt: new Date() } : {}),
      ...(from === 'pending' ? { reservedUntil: null } : {}),
    })
    .where(and(...conditions));
  if (result.affectedRows !== 1) return { changed: false, settlement: null };

  await updatePurchaseLines(tx, orderId, from, to);

  let settlement: StockSettlement = null;
  if (holdsStock(from) && !holdsStock(to)) {
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
    settlement = { token: order!.token, action: consumed ? 'consume' : 'release' };
    if (consumed && returned.length > 0) settlement.reloadSkuIds = returned.map((l) => l.skuId);
  }

  const details = { from, to, ...(request.reason ? { reason: request.reason } : {}), ...request.payload };
  await tx.insert(orderEvents).values({
    orderId,
    type: transition.event,
    fromStatus: from,
    toStatus: to,
    payload: { ...details, actor: { type: actor.type, id: actor.id ?? null } },
  });
  await recordAudit(tx, actor, transition.event, { type: 'order', id: orderId }, details);
  return { changed: true, settlement };
}

/**
 * The lines' purchase status follows the order (lib/purchasing works line by line): paid (or
 * confirmed cash-on-delivery) lines join the purchasing queue; an order bought by hand takes its waiting lines with it; a cancelled
 * or refunded order withdraws the lines not yet bought and any open price-difference request.
 */
async function updatePurchaseLines(tx: Executor, orderId: number, from: OrderStatus, to: OrderStatus): Promise<void> {
  if (from === 'pending' && (to === 'paid' || to === 'confirmed')) {
    await tx.update(orderItems).set({ purchaseStatus: 'queued' }).where(and(eq(orderItems.orderId, orderId), isNull(orderItems.purchaseStatus)));
  } else if (to === 'purchased') {
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'purchased' })
      .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.purchaseStatus, ['queued', 'failed'])));
  } else if (to === 'cancelled' || to === 'refunded') {
    await tx
      .update(orderItems)
      .set({ purchaseStatus: 'cancelled' })
      .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.purchaseStatus, ['queued', 'failed', 'awaiting_shopper'])));
    await tx
      .update(priceDifferences)
      .set({ status: 'cancelled', resolvedAt: new Date() })
      .where(and(eq(priceDifferences.orderId, orderId), eq(priceDifferences.status, 'open')));
  }
}

/** Applies a committed transition's stock effect to the Redis counters. */
export async function settleRedis(db: Database, redis: Redis | null, settlement: StockSettlement): Promise<void> {
  if (!settlement) return;
  const scope = databaseName(db);
  await (settlement.action === 'release' ? releaseRedisHold(redis, scope, settlement.token) : consumeRedisHold(redis, scope, settlement.token));
  if (redis && settlement.reloadSkuIds?.length) {
    await invalidateCounters(redis, scope, settlement.reloadSkuIds).catch((error: Error) => {
      console.warn(`[inventory] could not drop counters of ${settlement.reloadSkuIds!.join(',')}: ${error.message}`);
    });
  }
}

/** A transition in its own transaction, then its Redis effect. */
export async function transitionOrder(db: Database, redis: Redis | null, request: TransitionRequest): Promise<boolean> {
  const result = await db.transaction((tx) => transitionInTx(tx, request));
  await settleRedis(db, redis, result.settlement);
  return result.changed;
}

/** Like transitionOrder, but a lost race is an error the caller shows ("the order changed meanwhile"). */
export async function transitionOrderOrThrow(db: Database, redis: Redis | null, request: TransitionRequest): Promise<void> {
  if (!(await transitionOrder(db, redis, request))) {
    throw new AppError('invalid_transition', `The order is no longer ${request.from}; reload and try again`);
  }
}
