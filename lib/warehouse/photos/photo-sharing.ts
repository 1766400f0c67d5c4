import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { recordAudit } from '@/lib/audit/record';
import { productsWithPhotosOf } from './queries/product-warehouse-photos';

export async function photoSharingOf(db: Database, userId: number): Promise<boolean> {
  const [row] = await db.select({ share: users.shareQcPhotos }).from(users).where(eq(users.id, userId));
  return row?.share === 1;
}

/**
 * The shopper's consent to show their items' QC photos on product pages. Returns the products
 * whose pages show (or showed) their photos: the caller expires those pages. The public photo route
 * asks for consent on every request, so a revoked photo stops being served at once either way.
 */
export async function setPhotoSharing(db: Database, user: { id: number; email: string }, share: boolean): Promise<number[]> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ shareQcPhotos: share ? 1 : 0 }).where(eq(users.id, user.id));
    await recordAudit(tx, { type: 'user', id: user.id, label: user.email }, share ? 'account.photo_sharing_on' : 'account.photo_sharing_off', { type: 'user', id: user.id });
  });
  return productsWithPhotosOf(db, user.id);
}
