import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { inboundShipments } from '@/db/schema/warehouse';
import { readJson } from '@/lib/catalog/queries/json-column';
import { describeSkuLines } from '@/lib/catalog/queries/sku-display';
import type { Database } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { getSetting } from '@/lib/settings/read-settings';
import { signedPhotoUrl } from '@/lib/warehouse/photos/photo-urls';
import { itemPhotoStates } from '@/lib/warehouse/photos/queries/item-photo-state';
import { serializeOrder, type ApiOrder } from '../serialize';

/**
 * One of the partner's own orders by number, or null — also for another partner's order, so the
 * answer never tells whether a number exists. Queries: order, lines, then together the SKUs' photos and
 * English spec names, the purchase orders' tracking numbers and the free storage setting.
 */
export async function findPartnerOrder(db: Database, siteUrl: string, partnerKeyId: string, orderNumber: string): Promise<ApiOrder | null> {
  if (orderNumber.length < 1 || orderNumber.length > 20) return null;
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      chargeMinor: orders.chargeMinor,
      chargeCurrency: orders.chargeCurrency,
      chargeRate: orders.chargeRate,
      externalRef: orders.externalRef,
      createdAt: orders.createdAt,
      gateway: orders.gateway,
      payToken: orders.payToken,
    })
    .from(orders)
    .where(and(eq(orders.number, orderNumber), eq(orders.partnerKeyId, partnerKeyId)))
    .limit(1);
  // The column's collation ignores case: an order number is matched exactly.
  if (!order || order.number !== orderNumber) return null;

  const items = await db
    .select({
      id: orderItems.id,
      skuId: orderItems.skuId,
      productId: orderItems.productId,
      title: orderItems.title,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
      purchaseOrderId: orderItems.purchaseOrderId,
      fulfilmentStatus: orderItems.fulfilmentStatus,
      purchaseStatus: orderItems.purchaseStatus,
      receivedAt: orderItems.receivedAt,
      weightGrams: orderItems.weightGrams,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.id));

  // The bought SKU's photo and its options in English (the API's language), in two queries.
  const lines = items.map((i) => ({ ...i, attributes: readJson<SpecAttribute[]>(i.attributes, []) }));
  const [shown, tracking, freeStorageDays, photos] = await Promise.all([
    describeSkuLines(db, lines, 'en'),
    trackingByPurchaseOrder(db, lines.flatMap((l) => (l.purchaseOrderId === null ? [] : [l.purchaseOrderId]))),
    getSetting(db, 'warehouse.freeStorageDays'),
    itemPhotoStates(db, lines.filter((l) => l.receivedAt !== null).map((l) => l.id)),
  ]);
  const secretKey = getEnv().FERRY_SECRET_KEY;
  const origin = siteUrl.replace(/\/$/, '');
  return serializeOrder(
    siteUrl,
    order,
    lines.map((line, index) => ({
      ...line,
      attributes: shown[index]!.attributes,
      imageKey: shown[index]!.imageKey,
      domesticTracking: line.purchaseOrderId === null ? null : (tracking.get(line.purchaseOrderId) ?? null),
      // The partner owns this order (the query above): it may see the photos, as signed URLs.
      photoUrls: (photos.get(line.id)?.photos ?? []).map((p) => origin + signedPhotoUrl(secretKey, p.key, '1600')),
    })),
    new Map(),
    freeStorageDays,
  );
}

/** Each purchase order's domestic tracking number: the parcel received first, else the first expected. */
async function trackingByPurchaseOrder(db: Database, purchaseOrderIds: number[]): Promise<Map<number, string>> {
  if (purchaseOrderIds.length === 0) return new Map();
  const rows = await db
    .select({ purchaseOrderId: inboundShipments.purchaseOrderId, trackingNumber: inboundShipments.trackingNumber })
    .from(inboundShipments)
    .where(inArray(inboundShipments.purchaseOrderId, [...new Set(purchaseOrderIds)]))
    .orderBy(sql`${inboundShipments.receivedAt} is null`, asc(inboundShipments.receivedAt), asc(inboundShipments.id));
  const out = new Map<number, string>();
  for (const row of rows) if (!out.has(row.purchaseOrderId)) out.set(row.purchaseOrderId, row.trackingNumber);
  return out;
}
