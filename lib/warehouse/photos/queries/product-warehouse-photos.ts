import 'server-only';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import type { SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { qcPhotos } from '@/db/schema/warehouse';
import { readJson } from '@/lib/catalog/queries/json-column';
import { arrivedStatuses } from '../../item-transitions';

/** Items shown per product, and photos per item: a strip, not an archive. */
export const WAREHOUSE_PHOTO_ITEMS = 6;
const PHOTOS_PER_ITEM = 4;

export type WarehousePhotoItem = {
  /** The ordered SKU's options, as the seller wrote them (the page translates them like its own). */
  attributes: SpecAttribute[];
  weightGrams: number | null;
  /** Month of arrival, `YYYY-MM`: how recent the photos are, without a day that could identify an order. */
  month: string;
  photos: { key: string; width: number; height: number }[];
};

/**
 * QC photos of earlier orders of one product, for its page ("Photos from our warehouse"): only of
 * shoppers who let theirs be shown (`users.share_qc_photos`, on by default, revocable), never of
 * a partner's customers (who never saw such a choice), and never with anything about the shopper
 * or the order — the options, the measured weight, the month. Newest items first.
 */
export async function productWarehousePhotos(db: Database, productId: number): Promise<WarehousePhotoItem[]> {
  const photos = await db
    .select({
      itemId: orderItems.id,
      attributes: orderItems.attributes,
      weightGrams: orderItems.weightGrams,
      receivedAt: orderItems.receivedAt,
      key: qcPhotos.storageKey,
      width: qcPhotos.width,
      height: qcPhotos.height,
    })
    .from(qcPhotos)
    .innerJoin(orderItems, eq(orderItems.id, qcPhotos.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(and(eq(orderItems.productId, productId), inArray(orderItems.fulfilmentStatus, [...arrivedStatuses]), isNotNull(orderItems.receivedAt), eq(users.shareQcPhotos, 1)))
    .orderBy(desc(orderItems.receivedAt), desc(orderItems.id), qcPhotos.id)
    .limit(WAREHOUSE_PHOTO_ITEMS * 12);
  const items = new Map<number, WarehousePhotoItem>();
  for (const row of photos) {
    let item = items.get(row.itemId);
    if (!item) {
      if (items.size === WAREHOUSE_PHOTO_ITEMS) continue;
      item = { attributes: readJson<SpecAttribute[]>(row.attributes, []), weightGrams: row.weightGrams, month: row.receivedAt!.toISOString().slice(0, 7), photos: [] };
      items.set(row.itemId, item);
    }
    if (item.photos.length < PHOTOS_PER_ITEM) item.photos.push({ key: row.key, width: row.width, height: row.height });
  }
  return [...items.values()];
}

/**
 * Whether a photo may be served publicly: it belongs to an item in the warehouse or past it whose
 * shopper shares their photos. Asked on every request of the public route, so a revoked consent
 * takes effect at once, whatever a page or a browser still holds.
 */
export async function isPublicWarehousePhoto(db: Database, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: qcPhotos.id })
    .from(qcPhotos)
    .innerJoin(orderItems, eq(orderItems.id, qcPhotos.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(and(eq(qcPhotos.storageKey, key), inArray(orderItems.fulfilmentStatus, [...arrivedStatuses]), eq(users.shareQcPhotos, 1)))
    .limit(1);
  return row !== undefined;
}

/** Products that show a shopper's photos (to refresh their pages when the shopper changes their mind). */
export async function productsWithPhotosOf(db: Database, userId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ productId: orderItems.productId })
    .from(qcPhotos)
    .innerJoin(orderItems, eq(orderItems.id, qcPhotos.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(eq(orders.userId, userId));
  return rows.map((r) => r.productId);
}
