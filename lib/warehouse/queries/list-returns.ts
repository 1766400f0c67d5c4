import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { qcPhotos } from '@/db/schema/warehouse';
import { itemRefundMinor } from '../returns/item-refund';

export type ReturnRow = {
  itemId: number;
  version: number;
  status: 'return_requested' | 'returned';
  orderNumber: string;
  title: string;
  quantity: number;
  returnReason: string | null;
  returnAnswer: string | null;
  decidedAt: Date | null;
  photoKeys: string[];
  /** What the refund would return at the order's pinned rate (before capping at what is still refundable). */
  refund: { amountMinor: number; currency: string };
};

const LIMIT = 200;

/**
 * Customer service's returns: items the shopper asked to return (the seller's answer to record)
 * and items the seller took back (to refund), oldest request first, with their QC photos.
 */
export async function listReturns(db: Database): Promise<ReturnRow[]> {
  const rows = await db
    .select({
      itemId: orderItems.id,
      version: orderItems.fulfilmentVersion,
      status: orderItems.fulfilmentStatus,
      orderNumber: orders.number,
      title: orderItems.title,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
      returnReason: orderItems.returnReason,
      returnAnswer: orderItems.returnAnswer,
      decidedAt: orderItems.decidedAt,
      chargeCurrency: orders.chargeCurrency,
      chargeRate: orders.chargeRate,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(inArray(orderItems.fulfilmentStatus, ['return_requested', 'returned']))
    .orderBy(asc(orderItems.decidedAt), asc(orderItems.id))
    .limit(LIMIT);
  const photos = rows.length
    ? await db.select({ itemId: qcPhotos.orderItemId, key: qcPhotos.storageKey }).from(qcPhotos).where(inArray(qcPhotos.orderItemId, rows.map((r) => r.itemId))).orderBy(asc(qcPhotos.id))
    : [];
  return rows.map((row) => ({
    itemId: row.itemId,
    version: row.version,
    status: row.status as ReturnRow['status'],
    orderNumber: row.orderNumber,
    title: row.title,
    quantity: row.quantity,
    returnReason: row.returnReason,
    returnAnswer: row.returnAnswer,
    decidedAt: row.decidedAt,
    photoKeys: photos.filter((p) => p.itemId === row.itemId).map((p) => p.key),
    refund: { amountMinor: itemRefundMinor(row, row, Number.MAX_SAFE_INTEGER), currency: row.chargeCurrency },
  }));
}
