import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import { orderItems } from '@/db/schema/orders';
import { itemGoods } from '@/lib/catalog/goods/product-goods';
import type { Executor } from '@/lib/db/executor';
import { unionGoods, type ShippingGood } from '@/lib/shipping/goods';

/**
 * Each item's goods (what the warehouse marked on it, else its product's flags) by item id, and the
 * parcel's: their union. A parcel of a power bank and a T-shirt holds a battery, so a line refusing
 * batteries cannot take it. One query, joined to the products.
 */
export async function goodsOfItems(db: Executor, itemIds: readonly number[]): Promise<{ byItem: Map<number, ShippingGood[]>; parcel: ShippingGood[] }> {
  if (itemIds.length === 0) return { byItem: new Map(), parcel: [] };
  const rows = await db
    .select({ id: orderItems.id, goods: orderItems.goods, goodsDetected: products.goodsDetected, goodsOverride: products.goodsOverride })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(inArray(orderItems.id, [...itemIds]));
  const byItem = new Map(rows.map((row) => [row.id, itemGoods(row.goods, row)]));
  return { byItem, parcel: unionGoods(byItem.values()) };
}
