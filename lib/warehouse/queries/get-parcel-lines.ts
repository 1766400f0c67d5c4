import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders, type FulfilmentStatus, type ReceiptOutcome } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { readJson } from '@/lib/catalog/queries/json-column';
import { specValues } from '@/lib/catalog/spec-names';
import { itemPhotoStates } from '../photos/queries/item-photo-state';

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
  /** QC photos taken so far, and how many the shopper is owed. */
  photos: { photos: number; allowance: number };
};

/** The bought lines of the given purchase orders, oldest first, with what receiving found so far and their QC photo progress. */
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
  const states = await itemPhotoStates(db, rows.map((r) => r.itemId));
  return rows.map(({ attributes, ...row }) => {
    const state = states.get(row.itemId);
    return { ...row, options: specValues(readJson<SpecAttribute[]>(attributes, [])), photos: { photos: state?.photos.length ?? 0, allowance: state?.allowance ?? 0 } };
  });
}
