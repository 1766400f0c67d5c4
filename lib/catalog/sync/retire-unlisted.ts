import 'server-only';
import { and, eq, inArray, lt, notInArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products } from '@/db/schema/catalog';
import { syncFailures } from '@/db/schema/sync';

/**
 * After a complete full walk, every listing still on sale upstream has been seen (its sync time
 * is at or after the run's start). Products of the platform that were not seen were taken down
 * upstream: they leave the storefront (`is_active = 0`), keeping their rows for orders that point
 * at them. Listings the run could not import (sync_failures) are not taken for taken down.
 * Returns the ids retired, for cache revalidation.
 */
export async function retireUnlisted(db: Database, platform: string, runId: number, runStartedAt: Date): Promise<number[]> {
  const failed = db.select({ sourceId: syncFailures.sourceId }).from(syncFailures).where(eq(syncFailures.runId, runId));
  const where = and(eq(products.platform, platform), eq(products.isActive, 1), lt(products.syncedAt, runStartedAt), notInArray(products.sourceId, failed));
  const gone = await db.select({ id: products.id }).from(products).where(where);
  const ids = gone.map((g) => g.id);
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(products)
      .set({ isActive: 0 })
      .where(inArray(products.id, ids.slice(i, i + 1000)));
  }
  return ids;
}
