import 'server-only';
import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import { orderItems, orders } from '@/db/schema/orders';
import { systemActor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import type { Subscriber } from '@/lib/events/subscriber';
import { transitionInTx } from '@/lib/orders/transition-order';
import { arrivedStatuses } from './item-transitions';

export const warehouseActor = systemActor('warehouse');

/**
 * The order follows its items: a `purchased` order whose every live item (not cancelled upstream)
 * is in the warehouse or past it moves `purchased → arrived`, through the order's own transition
 * (its outbox event and audit). Call inside the transaction that moved an item, after locking the
 * order row (`lockOrder`), so two items received at once cannot both miss the last one.
 */
export async function deriveOrderArrival(tx: Executor, orderId: number): Promise<boolean> {
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (order?.status !== 'purchased') return false;
  const waiting = await tx
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), ne(orderItems.purchaseStatus, 'cancelled'), notInArray(orderItems.fulfilmentStatus, [...arrivedStatuses])))
    .limit(1)
    .for('update');
  if (waiting.length > 0) return false;
  const live = await tx
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.fulfilmentStatus, [...arrivedStatuses])))
    .limit(1);
  if (live.length === 0) return false;
  return (await transitionInTx(tx, { orderId, from: 'purchased', to: 'arrived', actor: warehouseActor })).changed;
}

/** Serializes the moves of one order's items: the row lock every item move takes first. */
export async function lockOrder(tx: Executor, orderId: number): Promise<void> {
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for('update');
}

/**
 * Items received before their order finished purchasing (another line was still being bought): when
 * the order reaches `purchased`, it may already have everything in the warehouse.
 */
export const warehouseArrivals: Subscriber = {
  name: 'warehouse-arrivals',
  types: ['order.purchased'],
  async handle(event, { db }) {
    if (event.orderId === null) return;
    const orderId = event.orderId;
    await db.transaction(async (tx) => {
      await lockOrder(tx, orderId);
      await deriveOrderArrival(tx, orderId);
    });
  },
};
