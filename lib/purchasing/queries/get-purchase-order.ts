import 'server-only';
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, sellers, skus } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { priceDifferences, purchaseEvents, purchaseOrders } from '@/db/schema/purchasing';

export type PurchaseOrderDetail = NonNullable<Awaited<ReturnType<typeof getPurchaseOrderDetail>>>;

/**
 * A purchase order for its page: the row and seller, its lines (those linked now, and those its
 * price-difference requests sent back to the queue or cancelled), the requests and the step log.
 */
export async function getPurchaseOrderDetail(db: Database, id: number) {
  const [row] = await db
    .select({ po: purchaseOrders, sellerName: sellers.name, sellerLocation: sellers.location })
    .from(purchaseOrders)
    .innerJoin(sellers, eq(sellers.id, purchaseOrders.sellerId))
    .where(eq(purchaseOrders.id, id));
  if (!row) return null;
  const [differences, events] = await Promise.all([
    db
      .select({
        id: priceDifferences.id,
        orderNumber: orders.number,
        status: priceDifferences.status,
        amountCnyMinor: priceDifferences.amountCnyMinor,
        chargeCurrency: priceDifferences.chargeCurrency,
        chargeMinor: priceDifferences.chargeMinor,
        lines: priceDifferences.lines,
        createdAt: priceDifferences.createdAt,
        resolvedAt: priceDifferences.resolvedAt,
      })
      .from(priceDifferences)
      .innerJoin(orders, eq(orders.id, priceDifferences.orderId))
      .where(eq(priceDifferences.purchaseOrderId, id))
      .orderBy(asc(priceDifferences.id)),
    db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseOrderId, id)).orderBy(asc(purchaseEvents.id)),
  ]);
  const requested = differences.flatMap((d) => d.lines.map((l) => l.orderItemId));
  const lines = await db
    .select({
      id: orderItems.id,
      orderNumber: orders.number,
      orderStatus: orders.status,
      title: orderItems.title,
      titleZh: products.titleZh,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
      remark: orderItems.remark,
      purchaseStatus: orderItems.purchaseStatus,
      purchaseOrderId: orderItems.purchaseOrderId,
      offerId: products.sourceId,
      sourceUrl: products.sourceUrl,
      sourceSkuId: skus.sourceSkuId,
      specId: skus.sourceSpecId,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(skus, eq(skus.id, orderItems.skuId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(requested.length ? or(eq(orderItems.purchaseOrderId, id), inArray(orderItems.id, requested)) : eq(orderItems.purchaseOrderId, id))
    .orderBy(asc(orderItems.id));
  return { ...row.po, sellerName: row.sellerName, sellerLocation: row.sellerLocation, lines, differences, events };
}
