import 'server-only';
import { and, asc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import { orderItems, orders, type FulfilmentStatus } from '@/db/schema/orders';
import { parcelItems } from '@/db/schema/parcels';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { transitionInTx } from '@/lib/orders/transition-order';
import { moveItem } from '@/lib/warehouse/item-machine';
import { lockOrder } from '@/lib/warehouse/derive-order-status';

/** The parcel's items with their orders, in id order (the order every lock is taken in). */
export async function itemsOfParcel(tx: Executor, parcelId: number) {
  return tx
    .select({ id: orderItems.id, orderId: orderItems.orderId, status: orderItems.fulfilmentStatus })
    .from(parcelItems)
    .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
    .where(eq(parcelItems.parcelId, parcelId))
    .orderBy(asc(orderItems.id));
}

/**
 * Moves every item of the parcel `from → to` (each a compare-and-set of the item machine, after its
 * order's row lock, orders in id order). An item already elsewhere is left alone.
 */
export async function moveParcelItems(tx: Executor, parcelId: number, from: FulfilmentStatus, to: FulfilmentStatus, actor: Actor, payload: Record<string, unknown>): Promise<number[]> {
  const items = await itemsOfParcel(tx, parcelId);
  const orderIds = [...new Set(items.map((i) => i.orderId))].sort((a, b) => a - b);
  for (const orderId of orderIds) await lockOrder(tx, orderId);
  for (const item of items) {
    if (item.status === from) await moveItem(tx, { id: item.id, from, to, actor, payload: { ...payload, orderId: item.orderId } });
  }
  return orderIds;
}

/** Items that count for an order's progress: not cancelled upstream, not returned or refunded. */
const goneStatuses: FulfilmentStatus[] = ['returned', 'refunded'];

/**
 * The order follows its items out of the warehouse: once every live item is shipped (or delivered)
 * an `arrived` order moves `arrived → packed → shipped` (a `packed` one just `→ shipped`), through
 * the order's own transitions. Call with the order locked.
 */
export async function deriveOrderShipped(tx: Executor, orderId: number, actor: Actor): Promise<boolean> {
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (order?.status !== 'arrived' && order?.status !== 'packed') return false;
  const waiting = await tx
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), ne(orderItems.purchaseStatus, 'cancelled'), notInArray(orderItems.fulfilmentStatus, [...goneStatuses, 'shipped', 'delivered'])))
    .limit(1);
  if (waiting.length > 0) return false;
  const shipped = await tx
    .select({ id: orderItems.id })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), inArray(orderItems.fulfilmentStatus, ['shipped', 'delivered'])))
    .limit(1);
  if (shipped.length === 0) return false;
  if (order.status === 'arrived' && !(await transitionInTx(tx, { orderId, from: 'arrived', to: 'packed', actor })).changed) return false;
  return (await transitionInTx(tx, { orderId, from: 'packed', to: 'shipped', actor })).changed;
}
