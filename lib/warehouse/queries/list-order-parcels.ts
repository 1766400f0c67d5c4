import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { inboundShipments, type InboundStatus } from '@/db/schema/warehouse';

export type OrderParcel = {
  trackingNumber: string;
  carrierName: string | null;
  carrierCode: string | null;
  shippedAt: Date | null;
  status: InboundStatus;
  /** The order's lines the parcel's purchase order carries. */
  orderItemIds: number[];
};

/**
 * The domestic parcels sellers sent for these order lines (courier, tracking number, when), for the
 * shopper's order page and the admin's. The caller passes lines it has already scoped to the viewer
 * (the shopper's own order), so this adds no ownership check of its own.
 */
export async function listOrderParcels(db: Database, orderItemIds: readonly number[]): Promise<OrderParcel[]> {
  if (orderItemIds.length === 0) return [];
  const rows = await db
    .select({
      id: inboundShipments.id,
      orderItemId: orderItems.id,
      trackingNumber: inboundShipments.trackingNumber,
      carrierName: inboundShipments.carrierName,
      carrierCode: inboundShipments.carrierCode,
      shippedAt: inboundShipments.shippedAt,
      status: inboundShipments.status,
    })
    .from(orderItems)
    .innerJoin(inboundShipments, eq(inboundShipments.purchaseOrderId, orderItems.purchaseOrderId))
    .where(inArray(orderItems.id, [...orderItemIds]))
    .orderBy(asc(inboundShipments.shippedAt), asc(inboundShipments.id), asc(orderItems.id));
  const byShipment = new Map<number, OrderParcel>();
  for (const { id, orderItemId, ...parcel } of rows) {
    const found = byShipment.get(id);
    if (found) found.orderItemIds.push(orderItemId);
    else byShipment.set(id, { ...parcel, orderItemIds: [orderItemId] });
  }
  return [...byShipment.values()];
}
