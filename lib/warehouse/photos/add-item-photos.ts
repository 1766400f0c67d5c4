import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orderItems, orders, type FulfilmentStatus } from '@/db/schema/orders';
import { qcPhotos } from '@/db/schema/warehouse';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { recordFact } from '@/lib/events/record-fact';
import { photoStoreFromEnv, storePhotos, type PhotoStore } from './photo-store';
import { itemPhotoStates } from './queries/item-photo-state';

/** Photos one upload may carry: a phone's burst, or a folder of one item's shots. */
export const MAX_PHOTOS_PER_UPLOAD = 12;

/** Items the warehouse holds and may photograph: received, accepted, or waiting for the seller's answer to a return. */
const photographable: readonly FulfilmentStatus[] = ['in_warehouse', 'accepted', 'return_requested'];

export const qcNoteSchema = z.string().trim().max(500, 'a measurement note is at most 500 characters');

export type AddedPhotos = { itemId: number; orderNumber: string; photos: number; added: number; allowance: number; ready: boolean };

/**
 * Adds QC photos to an item the warehouse holds (and, when given, its measurement note). Every file
 * is checked and processed before anything is stored (one bad file refuses the whole upload, so a
 * retry is simple); the bytes go to the private store first, then the rows, in one transaction that
 * locks the item so two uploads at once count each other's photos. When the item's photos reach its
 * allowance for the first time since it was last owed more, `qc_ready_at` is set: the shopper's
 * decision window starts. Records `item.photographed` (the shopper's email, the product page's
 * warehouse photos and the board react to it) and, for staff, the audit trail.
 */
export async function addItemPhotos(
  db: Database,
  input: { itemId: number; files: readonly Buffer[]; note?: string | null; actor: Actor; uploadedBy?: number | null },
  store: PhotoStore = photoStoreFromEnv(),
): Promise<AddedPhotos> {
  if (input.files.length === 0 && input.note === undefined) throw new AppError('validation_failed', 'Choose at least one photo', { reason: 'no_files' });
  if (input.files.length > MAX_PHOTOS_PER_UPLOAD) throw new AppError('validation_failed', `At most ${MAX_PHOTOS_PER_UPLOAD} photos at once`, { reason: 'too_many_files' });
  const parsedNote = input.note === undefined || input.note === null ? undefined : qcNoteSchema.safeParse(input.note);
  if (parsedNote && !parsedNote.success) throw new AppError('validation_failed', 'A measurement note is at most 500 characters', { reason: 'note_too_long' });
  const note = parsedNote?.data;

  const [item] = await db
    .select({ id: orderItems.id, status: orderItems.fulfilmentStatus, orderId: orderItems.orderId, orderNumber: orders.number })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(eq(orderItems.id, input.itemId));
  if (!item) throw new AppError('not_found', `No order item ${input.itemId}`);
  if (!photographable.includes(item.status)) throw new AppError('invalid_transition', `Item ${item.id} of ${item.orderNumber} is ${item.status}: only items the warehouse holds are photographed`);

  const stored = await storePhotos(input.files, store);

  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: orderItems.fulfilmentStatus, qcReadyAt: orderItems.qcReadyAt }).from(orderItems).where(eq(orderItems.id, item.id)).for('update');
    if (!locked || !photographable.includes(locked.status)) throw new AppError('invalid_transition', `Item ${item.id} of ${item.orderNumber} left the warehouse meanwhile`);
    if (stored.length > 0) {
      await tx.insert(qcPhotos).values(stored.map((s) => ({ orderItemId: item.id, storageKey: s.key, width: s.width, height: s.height, bytes: s.bytes, uploadedBy: input.uploadedBy ?? null })));
    }
    const state = (await itemPhotoStates(db, [item.id], tx)).get(item.id)!;
    const count = state.photos.length;
    const becomesReady = locked.qcReadyAt === null && locked.status === 'in_warehouse' && count >= state.allowance && count > 0;
    if (note !== undefined || becomesReady) {
      await tx
        .update(orderItems)
        .set({ ...(note !== undefined ? { qcNote: note === '' ? null : note } : {}), ...(becomesReady ? { qcReadyAt: sql`now(3)` } : {}) })
        .where(becomesReady ? and(eq(orderItems.id, item.id), isNull(orderItems.qcReadyAt)) : eq(orderItems.id, item.id));
    }
    const payload = { orderId: item.orderId, orderNumber: item.orderNumber, itemId: item.id, added: stored.length, photos: count, allowance: state.allowance, ready: becomesReady };
    await recordFact(tx, { subjectType: 'order_item', subjectId: item.id, orderId: item.orderId, type: 'item.photographed', payload });
    await recordAudit(tx, input.actor, 'warehouse.photographed', { type: 'order_item', id: item.id }, { added: stored.length, photos: count, ...(note !== undefined ? { note } : {}) });
    return { itemId: item.id, orderNumber: item.orderNumber, photos: count, added: stored.length, allowance: state.allowance, ready: becomesReady || locked.qcReadyAt !== null };
  });
}
