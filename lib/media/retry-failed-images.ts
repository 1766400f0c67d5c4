import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { productImages } from '@/db/schema/catalog';
import type { Database } from '@/db/client';

/**
 * Staff action behind "retry": puts failed images back to `pending` so the next image run fetches
 * them again (an upstream that was down, a hotlink rule since lifted). Without ids every failed
 * image is retried; an empty list retries none. Rows that are not failed are left alone, so a
 * stale selection cannot re-download a ready image. Returns how many rows were queued.
 */
export async function retryFailedImages(db: Database, ids?: readonly number[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const isFailed = eq(productImages.status, 'failed');
  const [result] = await db
    .update(productImages)
    .set({ status: 'pending', error: null })
    .where(ids ? and(isFailed, inArray(productImages.id, [...ids])) : isFailed);
  return result.affectedRows;
}
