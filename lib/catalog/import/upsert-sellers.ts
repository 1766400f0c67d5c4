import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { sellers } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { insertRows, takeNew } from './bulk-sql';

/**
 * Inserts or refreshes the sellers of a batch; returns `sourceId → local id` for one platform.
 * Only new or changed sellers are written: pages imported side by side share sellers, and an
 * upsert of an unchanged row would still lock it until the other page's transaction ends. Written
 * rows go in source-id order so two transactions lock them in the same order (no deadlock).
 */
export async function upsertSellers(db: Database, platform: string, items: SourceProduct[]): Promise<Map<string, number>> {
  const unique = new Map(items.map((p) => [p.seller.sourceId, p.seller]));
  if (unique.size === 0) return new Map();
  const read = () =>
    db
      .select({ id: sellers.id, sourceId: sellers.sourceId, name: sellers.name, location: sellers.location, rating: sellers.rating })
      .from(sellers)
      .where(and(eq(sellers.platform, platform), inArray(sellers.sourceId, [...unique.keys()])));
  const known = new Map((await read()).map((r) => [r.sourceId, r]));
  const now = new Date();
  const rows = [...unique.values()]
    .filter((s) => {
      const k = known.get(s.sourceId);
      return !k || k.name !== s.name || k.location !== s.location || k.rating !== s.rating;
    })
    .sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0))
    .map((s) => [platform, s.sourceId, s.name, s.location, s.rating, now, now]);
  if (rows.length === 0) return new Map([...known].map(([sourceId, r]) => [sourceId, r.id]));
  await insertRows(db, sellers, ['platform', 'sourceId', 'name', 'location', 'rating', 'createdAt', 'updatedAt'], rows, {
    onDuplicate: takeNew(sellers, ['name', 'location', 'rating', 'updatedAt']),
  });
  return new Map((await read()).map((r) => [r.sourceId, r.id]));
}
