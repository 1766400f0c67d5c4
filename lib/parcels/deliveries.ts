import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { parcelItems, parcels } from '@/db/schema/parcels';
import type { Subscriber } from '@/lib/events/subscriber';
import { transitionOrder } from '@/lib/orders/transition-order';
import { getSettings } from '@/lib/settings/read-settings';
import { markParcelDelivered, trackingActor } from './dispatch';

/**
 * The carrier delivered a parcel (lib/shipping-tracking's `shipment.delivered`, once per shipment):
 * the parcel and its items become delivered at the carrier's time. A replay finds it delivered
 * already and moves nothing.
 */
export const parcelDeliveries: Subscriber = {
  name: 'parcels-delivered-by-carrier',
  types: ['shipment.delivered'],
  async handle(event, { db }) {
    const parcelId = Number(event.payload.parcelId);
    if (!Number.isSafeInteger(parcelId) || parcelId <= 0) return;
    const at = typeof event.payload.at === 'string' && !Number.isNaN(Date.parse(event.payload.at)) ? new Date(event.payload.at) : event.createdAt;
    await db.transaction((tx) => markParcelDelivered(tx, { parcelId, at }));
  },
};

/**
 * Orders whose every shipped item has been delivered for `parcels.completeAfterDeliveredDays` (the
 * window for disputes) become `completed`; items still in the warehouse or on the way keep the order
 * shipped. One compare-and-set per order, so concurrent runs complete each once.
 */
export async function completeDeliveredOrders(db: Database, redis: Redis | null, now = new Date()): Promise<number> {
  const days = (await getSettings(db))['parcels.completeAfterDeliveredDays'];
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const candidates = await db
    .selectDistinct({ orderId: orderItems.orderId })
    .from(parcels)
    .innerJoin(parcelItems, eq(parcelItems.parcelId, parcels.id))
    .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(parcels.status, 'delivered'), isNotNull(parcels.deliveredAt), lte(parcels.deliveredAt, cutoff), eq(orders.status, 'shipped')))
    .limit(200);
  let completed = 0;
  for (const { orderId } of candidates) {
    // Every live item delivered (refunded or cancelled lines aside) — and delivered long enough ago.
    const [open] = await db
      .select({ n: sql<number>`COUNT(*)` })
      .from(orderItems)
      .where(and(eq(orderItems.orderId, orderId), sql`${orderItems.fulfilmentStatus} NOT IN ('delivered', 'refunded', 'returned') AND COALESCE(${orderItems.purchaseStatus}, '') <> 'cancelled'`));
    if (Number(open?.n ?? 0) > 0) continue;
    const [recent] = await db
      .select({ n: sql<number>`COUNT(*)` })
      .from(parcels)
      .innerJoin(parcelItems, eq(parcelItems.parcelId, parcels.id))
      .innerJoin(orderItems, and(eq(orderItems.id, parcelItems.orderItemId), eq(orderItems.orderId, orderId)))
      .where(and(eq(parcels.status, 'delivered'), gt(parcels.deliveredAt, cutoff)));
    if (Number(recent?.n ?? 0) > 0) continue;
    if (await transitionOrder(db, redis, { orderId, from: 'shipped', to: 'completed', actor: trackingActor, reason: `delivered ${days} days ago` })) completed++;
  }
  return completed;
}
