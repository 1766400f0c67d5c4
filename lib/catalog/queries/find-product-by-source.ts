import 'server-only';
import { and, eq } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import type { Database } from '@/lib/db';

/** The local shadow of an upstream listing, if Ferry carries it. */
export async function findProductBySource(db: Database, platform: string, sourceId: string): Promise<{ id: number; slug: string } | null> {
  const [row] = await db
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(and(eq(products.platform, platform), eq(products.sourceId, sourceId), eq(products.isActive, 1)))
    .limit(1);
  return row ?? null;
}
