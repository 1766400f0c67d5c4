import { and, eq, inArray } from 'drizzle-orm';
import { sellers } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import { takeInserted } from '@/db/upsert';
import type { SourceProduct } from '../source-product';

/** Inserts or refreshes the sellers of a batch; returns `sourceId → local id` for one platform. */
export async function upsertSellers(db: Database, platform: string, items: SourceProduct[]): Promise<Map<string, number>> {
  const unique = new Map(items.map((p) => [p.seller.sourceId, p.seller]));
  const values = [...unique.values()].map((s) => ({ platform, sourceId: s.sourceId, name: s.name, location: s.location, rating: s.rating }));
  if (values.length === 0) return new Map();
  await db
    .insert(sellers)
    .values(values)
    .onDuplicateKeyUpdate({ set: takeInserted(sellers, ['name', 'location', 'rating']) });
  const rows = await db
    .select({ id: sellers.id, sourceId: sellers.sourceId })
    .from(sellers)
    .where(and(eq(sellers.platform, platform), inArray(sellers.sourceId, [...unique.keys()])));
  return new Map(rows.map((r) => [r.sourceId, r.id]));
}
