import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { qcPhotos, serviceCharges } from '@/db/schema/warehouse';
import type { Executor } from '@/lib/db/executor';
import { getSettings } from '@/lib/settings/read-settings';
import { photoAllowance } from '../allowance';
import { signedPhotoUrl } from '../photo-urls';

export type ItemPhoto = { id: number; key: string; width: number; height: number; createdAt: Date };
export type ItemPhotoState = { itemId: number; allowance: number; photos: ItemPhoto[] };

/**
 * Each item's QC photos (oldest first) and how many it is owed (lib/warehouse/photos/allowance):
 * the agent's settings, the order's `extra_qc_photos` service, and the item's paid "more photos"
 * charges. Two queries for any number of items. Items that do not exist are left out.
 */
export async function itemPhotoStates(db: Database, itemIds: readonly number[], tx: Executor = db): Promise<Map<number, ItemPhotoState>> {
  const out = new Map<number, ItemPhotoState>();
  if (itemIds.length === 0) return out;
  const [settings, items, photos, paid] = await Promise.all([
    getSettings(db),
    tx
      .select({ id: orderItems.id, services: orders.valueAddedServices })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(inArray(orderItems.id, [...itemIds])),
    tx
      .select({ id: qcPhotos.id, itemId: qcPhotos.orderItemId, key: qcPhotos.storageKey, width: qcPhotos.width, height: qcPhotos.height, createdAt: qcPhotos.createdAt })
      .from(qcPhotos)
      .where(inArray(qcPhotos.orderItemId, [...itemIds]))
      .orderBy(asc(qcPhotos.id)),
    tx
      .select({ itemId: serviceCharges.orderItemId, quantity: sql<number>`cast(sum(${serviceCharges.quantity}) as signed)` })
      .from(serviceCharges)
      .where(and(inArray(serviceCharges.orderItemId, [...itemIds]), eq(serviceCharges.kind, 'qc_photos'), eq(serviceCharges.status, 'paid')))
      .groupBy(serviceCharges.orderItemId),
  ]);
  const paidBy = new Map(paid.map((p) => [p.itemId, Number(p.quantity)]));
  for (const item of items) {
    const services = (item.services ?? []) as string[];
    out.set(item.id, {
      itemId: item.id,
      allowance: photoAllowance({
        freePerItem: settings['warehouse.freePhotosPerItem'],
        perExtraService: settings['warehouse.photosPerExtraService'],
        extraServiceBought: services.includes('extra_qc_photos'),
        paidExtraPhotos: paidBy.get(item.id) ?? 0,
      }),
      photos: [],
    });
  }
  for (const photo of photos) out.get(photo.itemId)?.photos.push({ id: photo.id, key: photo.key, width: photo.width, height: photo.height, createdAt: photo.createdAt });
  return out;
}

export type SignedPhoto = { id: number; width: number; height: number; thumbUrl: string; largeUrl: string; originalUrl: string };

/** Photos as a page shows them: signed URLs (relative to the site) for each size. Only for viewers allowed to see the item. */
export function signPhotos(secretKey: string, photos: readonly ItemPhoto[], now: Date = new Date()): SignedPhoto[] {
  return photos.map((p) => ({
    id: p.id,
    width: p.width,
    height: p.height,
    thumbUrl: signedPhotoUrl(secretKey, p.key, '400', now),
    largeUrl: signedPhotoUrl(secretKey, p.key, '1600', now),
    originalUrl: signedPhotoUrl(secretKey, p.key, 'original', now),
  }));
}
