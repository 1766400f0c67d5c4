import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders, type FulfilmentStatus, type ReceiptOutcome } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { qcPhotos } from '@/db/schema/warehouse';
import { readJson } from '@/lib/catalog/queries/json-column';
import { specValues } from '@/lib/catalog/spec-names';

/** One bought line a parcel may hold, as the receiving desk shows it (in the seller's words). */
export type ParcelLine = {
  itemId: number;
  orderNumber: string;
  purchaseOrder: string;
  title: string;
  options: string;
  quantity: number;
  status: FulfilmentStatus;
  outcome: ReceiptOutcome | null;
  receivedQuantity: number | null;
  note: string | null;
  weightGrams: number | null;
  bin: string | null;
  photos: number;
};

/** The bought lines of the given purchase orders, oldest first, with what receiving found so far and their photo count. */
export async function getParcelLines(db: Database, purchaseOrderIds: readonly number[]): Promise<ParcelLine[]> {
  if (purchaseOrderIds.length === 0) return [];
  const rows = await db
    .select({
      itemId: orderItems.id,
      orderNumber: orders.number,
      purchaseOrder: purchaseOrders.reference,
      title: orderItems.title,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      status: orderItems.fulfilmentStatus,
      outcome: orderItems.receiptOutcome,
      receivedQuantity: orderItems.receivedQuantity,
      note: orderItems.receiptNote,
      weightGrams: orderItems.weightGrams,
      bin: orderItems.storageBin,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, orderItems.purchaseOrderId))
    .where(and(inArray(orderItems.purchaseOrderId, [...purchaseOrderIds]), eq(orderItems.purchaseStatus, 'purchased')))
    .orderBy(asc(orderItems.id));
  const photoCounts = rows.length
    ? await db
        .select({ itemId: qcPhotos.orderItemId, photos: count() })
        .from(qcPhotos)
        .where(inArray(qcPhotos.orderItemId, rows.map((r) => r.itemId)))
        .groupBy(qcPhotos.orderItemId)
    : [];
  const photos = new Map(photoCounts.map((p) => [p.itemId, p.photos]));
  return rows.map(({ attributes, ...row }) => ({ ...row, options: specValues(readJson<SpecAttribute[]>(attributes, [])), photos: photos.get(row.itemId) ?? 0 }));
}
