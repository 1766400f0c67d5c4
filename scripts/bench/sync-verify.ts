import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { demoOfferId } from '@/lib/catalog/demo/ids';
import type { SupplierConnector } from '@/lib/suppliers/types';

export type Verification = { duplicates: number; missing: number; extra: number; sampled: number; mismatches: string[]; pass: boolean; seconds: number };

/**
 * After a sync: no duplicates (one product per offer id; the unique index makes this a count),
 * no gaps (every offer of the catalog present and active), and the shadow equal to the upstream
 * for a sample of offers — every SKU's price and stock as the connector's stock check reports them.
 */
export async function verifyShadow(db: Database, connector: SupplierConnector, options: { offers: number; seed: string; sample: number }): Promise<Verification> {
  const started = performance.now();
  const [totals] = await db
    .select({ rows: count(), distinct: sql<number>`count(distinct ${products.sourceId})` })
    .from(products)
    .where(eq(products.platform, '1688'));
  const present = new Set((await db.select({ sourceId: products.sourceId }).from(products).where(and(eq(products.platform, '1688'), eq(products.isActive, 1)))).map((r) => r.sourceId));
  const expected = Array.from({ length: options.offers }, (_, i) => demoOfferId(options.seed, i));
  const missing = expected.filter((id) => !present.has(id));
  const expectedSet = new Set(expected);
  const extra = [...present].filter((id) => !expectedSet.has(id)).length;

  // An even spread over the catalog, the same offers every run.
  const step = Math.max(1, Math.floor(options.offers / options.sample));
  const sample = expected.filter((_, i) => i % step === 0).slice(0, options.sample);
  const mismatches: string[] = [];
  for (let i = 0; i < sample.length; i += 200) {
    const ids = sample.slice(i, i + 200);
    const quotes = await connector.checkStock(ids);
    const rows = await db
      .select({ sourceId: products.sourceId, sourceSkuId: skus.sourceSkuId, priceMinor: skus.priceMinor, stock: skus.stock })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .where(and(eq(products.platform, '1688'), inArray(products.sourceId, ids)));
    const held = new Map(rows.map((r) => [`${r.sourceId}:${r.sourceSkuId}`, r]));
    for (const quote of quotes) {
      for (const q of quote.skus) {
        const row = held.get(`${quote.sourceId}:${q.sourceSkuId}`);
        if (!row) mismatches.push(`${quote.sourceId}:${q.sourceSkuId} missing`);
        else if (row.priceMinor !== q.priceMinor || row.stock !== q.stock) mismatches.push(`${quote.sourceId}:${q.sourceSkuId} holds ${row.priceMinor}/${row.stock}, upstream ${q.priceMinor}/${q.stock}`);
      }
    }
  }
  const duplicates = totals!.rows - Number(totals!.distinct);
  return {
    duplicates,
    missing: missing.length,
    extra,
    sampled: sample.length,
    mismatches: mismatches.slice(0, 5).concat(mismatches.length > 5 ? [`… ${mismatches.length - 5} more`] : []),
    pass: duplicates === 0 && missing.length === 0 && extra === 0 && totals!.rows === options.offers && mismatches.length === 0,
    seconds: (performance.now() - started) / 1000,
  };
}
