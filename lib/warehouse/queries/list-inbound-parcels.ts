import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, sellers } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { inboundShipments } from '@/db/schema/warehouse';
import { getSetting } from '@/lib/settings/read-settings';
import { daysSinceShipped, isLate, lateCutoff } from '../lateness';

export const inboundViews = ['expected', 'late'] as const;
export type InboundView = (typeof inboundViews)[number];

export type InboundParcel = {
  id: number;
  trackingNumber: string;
  carrierName: string | null;
  carrierCode: string | null;
  shippedAt: Date | null;
  daysSinceShipped: number | null;
  isLate: boolean;
  purchaseOrder: { id: number; reference: string; platform: string; upstreamOrderId: string | null };
  /** The seller to chase: as the catalog knows them (name, member id, where they ship from). */
  seller: { name: string; nameEn: string | null; sourceId: string; location: string | null };
  lines: { orderItemId: number; orderNumber: string; title: string; quantity: number; offerId: string | null }[];
};

export type InboundList = { view: InboundView; items: InboundParcel[]; page: number; pageSize: number; total: number; counts: Record<InboundView, number>; lateAfterDays: number };

/**
 * Parcels sellers sent that the warehouse has not received, oldest shipment first — the late ones
 * (no arrival more than `warehouse.inboundLateAfterDays` days after shipping, the agent's setting)
 * lead, and the `late` view shows only them, with the seller to chase. Two queries for the page
 * (parcels with purchase order and seller; their lines) plus the two counts.
 */
export async function listInboundParcels(db: Database, options: { view: InboundView; page: number; pageSize: number; now?: Date }): Promise<InboundList> {
  const now = options.now ?? new Date();
  const lateAfterDays = await getSetting(db, 'warehouse.inboundLateAfterDays');
  const expected = eq(inboundShipments.status, 'expected');
  const late = and(expected, isNotNull(inboundShipments.shippedAt), lt(inboundShipments.shippedAt, lateCutoff(now, lateAfterDays))) as SQL;
  const where = options.view === 'late' ? late : expected;

  const [rows, [expectedCount], [lateCount]] = await Promise.all([
    db
      .select({
        id: inboundShipments.id,
        trackingNumber: inboundShipments.trackingNumber,
        carrierName: inboundShipments.carrierName,
        carrierCode: inboundShipments.carrierCode,
        shippedAt: inboundShipments.shippedAt,
        poId: purchaseOrders.id,
        reference: purchaseOrders.reference,
        platform: purchaseOrders.platform,
        upstreamOrderId: purchaseOrders.upstreamOrderId,
        sellerName: sellers.name,
        sellerNameEn: sellers.nameEn,
        sellerSourceId: sellers.sourceId,
        sellerLocation: sellers.location,
      })
      .from(inboundShipments)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, inboundShipments.purchaseOrderId))
      .innerJoin(sellers, eq(sellers.id, purchaseOrders.sellerId))
      .where(where)
      .orderBy(asc(inboundShipments.shippedAt), asc(inboundShipments.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(inboundShipments).where(expected),
    db.select({ n: count() }).from(inboundShipments).where(late),
  ]);

  const poIds = [...new Set(rows.map((r) => r.poId))];
  const lines =
    poIds.length === 0
      ? []
      : await db
          .select({ poId: orderItems.purchaseOrderId, orderItemId: orderItems.id, orderNumber: orders.number, title: orderItems.title, quantity: orderItems.quantity, offerId: products.sourceId })
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .leftJoin(products, eq(products.id, orderItems.productId))
          .where(inArray(orderItems.purchaseOrderId, poIds))
          .orderBy(asc(orderItems.id));

  const items: InboundParcel[] = rows.map((r) => ({
    id: r.id,
    trackingNumber: r.trackingNumber,
    carrierName: r.carrierName,
    carrierCode: r.carrierCode,
    shippedAt: r.shippedAt,
    daysSinceShipped: daysSinceShipped(r.shippedAt, now),
    isLate: isLate(r.shippedAt, now, lateAfterDays),
    purchaseOrder: { id: r.poId, reference: r.reference, platform: r.platform, upstreamOrderId: r.upstreamOrderId },
    seller: { name: r.sellerName, nameEn: r.sellerNameEn, sourceId: r.sellerSourceId, location: r.sellerLocation },
    lines: lines.filter((l) => l.poId === r.poId).map((l) => ({ orderItemId: l.orderItemId, orderNumber: l.orderNumber, title: l.title, quantity: l.quantity, offerId: l.offerId })),
  }));
  return {
    view: options.view,
    items,
    page: options.page,
    pageSize: options.pageSize,
    total: options.view === 'late' ? (lateCount?.n ?? 0) : (expectedCount?.n ?? 0),
    counts: { expected: expectedCount?.n ?? 0, late: lateCount?.n ?? 0 },
    lateAfterDays,
  };
}
