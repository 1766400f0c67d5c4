import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, type ReceiptOutcome } from '@/db/schema/orders';
import { itemNotices, qcPhotos, serviceCharges } from '@/db/schema/warehouse';
import { QC_WARNING_NOTICE } from '../decisions/grant-more-photos';
import { autoAcceptAt, type QcWindowSettings } from '../decisions/qc-window';

export type ItemQc = {
  itemId: number;
  /** Storage keys of the item's QC photos, oldest first (the page signs their URLs). */
  photoKeys: string[];
  receiptOutcome: ReceiptOutcome | null;
  receivedQuantity: number | null;
  receiptNote: string | null;
  qcNote: string | null;
  /** When an undecided item is accepted for the shopper; null while its photos are not all in. */
  deadline: Date | null;
  returnReason: string | null;
  returnAnswer: string | null;
  decidedBy: string | null;
  /** An unpaid "more photos" charge: the shopper pays it from the page. */
  openCharge: { id: number; quantity: number; chargeMinor: number; chargeCurrency: string } | null;
  /** A paid "more photos" charge whose photos are not in yet. */
  isWaitingForPhotos: boolean;
};

/**
 * What the shopper's order page shows about QC for its items (already scoped to the shopper by the
 * caller's order query): photos, receiving's findings, the decision deadline and the state of a
 * "more photos" request. Four queries whatever the number of items.
 */
export async function listItemQc(db: Database, itemIds: readonly number[], window: QcWindowSettings): Promise<Map<number, ItemQc>> {
  if (itemIds.length === 0) return new Map();
  const ids = [...itemIds];
  const [items, photos, charges, notices] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        receiptOutcome: orderItems.receiptOutcome,
        receivedQuantity: orderItems.receivedQuantity,
        receiptNote: orderItems.receiptNote,
        qcNote: orderItems.qcNote,
        qcReadyAt: orderItems.qcReadyAt,
        returnReason: orderItems.returnReason,
        returnAnswer: orderItems.returnAnswer,
        decidedBy: orderItems.decidedBy,
      })
      .from(orderItems)
      .where(inArray(orderItems.id, ids)),
    db.select({ itemId: qcPhotos.orderItemId, key: qcPhotos.storageKey }).from(qcPhotos).where(inArray(qcPhotos.orderItemId, ids)).orderBy(asc(qcPhotos.id)),
    db
      .select({ id: serviceCharges.id, itemId: serviceCharges.orderItemId, status: serviceCharges.status, quantity: serviceCharges.quantity, chargeMinor: serviceCharges.chargeMinor, chargeCurrency: serviceCharges.chargeCurrency })
      .from(serviceCharges)
      .where(and(inArray(serviceCharges.orderItemId, ids), inArray(serviceCharges.status, ['open', 'paid'])))
      .orderBy(asc(serviceCharges.id)),
    db.select({ itemId: itemNotices.orderItemId, sentAt: itemNotices.sentAt }).from(itemNotices).where(and(inArray(itemNotices.orderItemId, ids), eq(itemNotices.kind, QC_WARNING_NOTICE))),
  ]);
  const out = new Map<number, ItemQc>();
  for (const item of items) {
    const open = charges.find((c) => c.itemId === item.id && c.status === 'open');
    const warnedAt = notices.find((n) => n.itemId === item.id)?.sentAt ?? null;
    out.set(item.id, {
      itemId: item.id,
      photoKeys: photos.filter((p) => p.itemId === item.id).map((p) => p.key),
      receiptOutcome: item.receiptOutcome,
      receivedQuantity: item.receivedQuantity,
      receiptNote: item.receiptNote,
      qcNote: item.qcNote,
      deadline: item.qcReadyAt ? autoAcceptAt(item.qcReadyAt, warnedAt, window) : null,
      returnReason: item.returnReason,
      returnAnswer: item.returnAnswer,
      decidedBy: item.decidedBy,
      openCharge: open ? { id: open.id, quantity: open.quantity, chargeMinor: open.chargeMinor, chargeCurrency: open.chargeCurrency } : null,
      isWaitingForPhotos: item.qcReadyAt === null && charges.some((c) => c.itemId === item.id && c.status === 'paid'),
    });
  }
  return out;
}
