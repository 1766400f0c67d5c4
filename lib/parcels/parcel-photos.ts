import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcelPhotos, type ParcelRow, type ParcelStatus } from '@/db/schema/parcels';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import { MAX_PHOTOS_PER_UPLOAD } from '@/lib/warehouse/photos/add-item-photos';
import { photoStoreFromEnv, storePhotos, type PhotoStore } from '@/lib/warehouse/photos/photo-store';
import type { ItemPhoto } from '@/lib/warehouse/photos/queries/item-photo-state';
import { lockParcel } from './mark-paid';
import { findParcel } from './queries';

/** Enough to show every side of a box and its label; a bound on what one parcel may keep. */
export const MAX_PHOTOS_PER_PARCEL = 24;

/** While the warehouse holds the parcel: before and after packing, until it leaves. */
const photographable: readonly ParcelStatus[] = ['awaiting_rehearsal', 'paid', 'packed', 'awaiting_topup', 'ready_to_dispatch'];

export function isParcelPhotographable(parcel: Pick<ParcelRow, 'status' | 'packedAt'>): boolean {
  // A rehearsed parcel awaits payment on the shelf, packed: its photos may still be retaken.
  return photographable.includes(parcel.status) || (parcel.status === 'awaiting_payment' && parcel.packedAt !== null);
}

export async function countParcelPhotos(tx: Executor, parcelId: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(parcelPhotos).where(eq(parcelPhotos.parcelId, parcelId));
  return Number(row?.n ?? 0);
}

/** A parcel's photos, oldest first, in the shape the QC photo helpers sign (signPhotos). */
export async function parcelPhotoList(db: Executor, parcelId: number): Promise<ItemPhoto[]> {
  return db
    .select({ id: parcelPhotos.id, key: parcelPhotos.storageKey, width: parcelPhotos.width, height: parcelPhotos.height, createdAt: parcelPhotos.createdAt })
    .from(parcelPhotos)
    .where(eq(parcelPhotos.parcelId, parcelId))
    .orderBy(asc(parcelPhotos.id));
}

/**
 * Photos of the packed parcel, taken by the warehouse (rehearsal packing needs at least one before the
 * parcel can be priced; the "photos of the packed parcel" service before it leaves). Every file is
 * checked and stored first (one bad file refuses the upload), then the rows are written with the
 * parcel locked, so two uploads at once count each other against the per-parcel bound.
 */
export async function addParcelPhotos(
  db: Database,
  input: { number: string; files: readonly Buffer[]; actor: Actor; uploadedBy?: number | null },
  store: PhotoStore = photoStoreFromEnv(),
): Promise<{ parcelNumber: string; photos: number; added: number }> {
  if (input.files.length === 0) throw new AppError('validation_failed', 'Choose at least one photo', { reason: 'no_files' });
  if (input.files.length > MAX_PHOTOS_PER_UPLOAD) throw new AppError('validation_failed', `At most ${MAX_PHOTOS_PER_UPLOAD} photos at once`, { reason: 'too_many_files' });
  const notHere = () => new AppError('invalid_transition', 'Only a parcel the warehouse still holds can be photographed', { reason: 'invalid_transition' });
  const before = await findParcel(db, input.number);
  if (!before) throw new AppError('not_found', 'Parcel not found');
  if (!isParcelPhotographable(before)) throw notHere();
  const stored = await storePhotos(input.files, store);
  return db.transaction(async (tx) => {
    const parcel = await lockParcel(tx, { id: before.id });
    if (!parcel || !isParcelPhotographable(parcel)) throw notHere();
    const existing = await countParcelPhotos(tx, parcel.id);
    if (existing + stored.length > MAX_PHOTOS_PER_PARCEL) throw new AppError('validation_failed', `A parcel keeps at most ${MAX_PHOTOS_PER_PARCEL} photos`, { reason: 'too_many_files' });
    await tx.insert(parcelPhotos).values(stored.map((s) => ({ parcelId: parcel.id, storageKey: s.key, width: s.width, height: s.height, bytes: s.bytes, uploadedBy: input.uploadedBy ?? null })));
    await recordAudit(tx, input.actor, 'parcel.photographed', { type: 'parcel', id: parcel.id }, { added: stored.length, photos: existing + stored.length });
    return { parcelNumber: parcel.number, photos: existing + stored.length, added: stored.length };
  });
}
