import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { readJson } from '@/lib/catalog/queries/json-column';
import { describeSkuLines } from '@/lib/catalog/queries/sku-display';
import type { Database } from '@/lib/db';
import { serializeOrder, type ApiOrder } from '../serialize';

/**
 * One of the partner's own orders by number, or null — also for another partner's order, so the
 * answer never tells whether a number exists. Four queries: order, lines, the SKUs' photos, English spec names.
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

  // The bought SKU's photo and its options in English (the API's language), in two queries.
  const lines = items.map((i) => ({ ...i, attributes: readJson<SpecAttribute[]>(i.attributes, []) }));
  const shown = await describeSkuLines(db, lines, 'en');
  return serializeOrder(
    siteUrl,
    order,
    lines.map((line, index) => ({ ...line, attributes: shown[index]!.attributes, imageKey: shown[index]!.imageKey })),
    new Map(),
  );
}
