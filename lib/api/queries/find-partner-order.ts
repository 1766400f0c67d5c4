import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { productTranslations } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { readJson } from '@/lib/catalog/queries/json-column';
import type { Database } from '@/lib/db';
import { serializeOrder, type ApiOrder, type AttributeNames } from '../serialize';

/**
 * One of the partner's own orders by number, or null — also for another partner's order, so the
 * answer never tells whether a number exists. Three queries: order, lines, English spec names.
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
      skuId: orderItems.skuId,
      productId: orderItems.productId,
      title: orderItems.title,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.id));

  const names = new Map<number, AttributeNames>();
  const productIds = [...new Set(items.map((i) => i.productId))];
  if (productIds.length > 0) {
    const rows = await db
      .select({ productId: productTranslations.productId, attributes: productTranslations.attributes })
      .from(productTranslations)
      .where(and(inArray(productTranslations.productId, productIds), eq(productTranslations.locale, 'en')));
    for (const r of rows) names.set(r.productId, readJson<AttributeNames>(r.attributes, {}));
  }
  return serializeOrder(
    siteUrl,
    order,
    items.map((i) => ({ ...i, attributes: readJson(i.attributes, []) })),
    names,
  );
}
