import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { asJson, datetimeLiteral, insertRows, takeNew, updateByIds, type SqlValue } from './bulk-sql';
import type { PlannedProduct } from './plan-import';

/*
 * Prices and stock: the SKU rows of every listing that needs them, and the product rows of the
 * listings on the fast path (content unchanged). Multi-row statements only, no per-product query.
 */

/**
 * Stock is taken only from a listing at least as new as the stock the row holds: a push
 * (stock_source_at = its bizTime) newer than the listing wins, so a slow sync cannot roll back
 * what the upstream announced since. `stock` comes before `stock_source_at`, and assignments run
 * left to right, so the condition reads the old time. `reserved` is never touched.
 */
const STOCK_IF_NEWER = '`stock` = IF(`stock_source_at` IS NULL OR `stock_source_at` <= VALUES(`stock_source_at`), VALUES(`stock`), `stock`)';
const STOCK_TIME_IF_NEWER = '`stock_source_at` = IF(`stock_source_at` IS NULL OR `stock_source_at` < VALUES(`stock_source_at`), VALUES(`stock_source_at`), `stock_source_at`)';

export async function writeSkus(tx: Database, plan: PlannedProduct[], idOf: Map<string, number>, now: Date): Promise<void> {
  const rows: SqlValue[][] = plan.flatMap((p) =>
    p.skus
      .filter((s) => s.write)
      .map((s): SqlValue[] => [
        idOf.get(p.product.sourceId)!,
        s.source.sourceSkuId,
        s.source.specId ?? null,
        asJson(s.source.attributes),
        s.source.priceMinor,
        s.source.stock,
        s.source.imageIndex,
        now,
        p.listedAt,
        now,
        now,
      ]),
  );
  await insertRows(tx, skus, ['productId', 'sourceSkuId', 'sourceSpecId', 'attributes', 'priceMinor', 'stock', 'imagePosition', 'syncedAt', 'stockSourceAt', 'createdAt', 'updatedAt'], rows, {
    onDuplicate: [...takeNew(skus, ['sourceSpecId', 'attributes', 'priceMinor']), STOCK_IF_NEWER, ...takeNew(skus, ['imagePosition', 'syncedAt']), STOCK_TIME_IF_NEWER, ...takeNew(skus, ['updatedAt'])],
  });
  // SKUs the upstream no longer lists leave the shadow.
  const stale = plan.flatMap((p) => p.staleSkuIds);
  if (stale.length > 0) await tx.delete(skus).where(inArray(skus.id, stale));
}

/** Fast-path product rows: numbers where they moved, and the sync time of every listing seen. */
export async function writeProductNumbers(tx: Database, plan: PlannedProduct[], now: Date): Promise<void> {
  const moved = plan.filter((p) => p.changed);
  await updateByIds(
    tx,
    products,
    ['priceMinMinor', 'priceMaxMinor', 'stockTotal', 'salesCount', 'isActive', 'sourceUpdatedAt', 'goodsDetected', 'syncedAt', 'updatedAt'],
    moved.map((p) => ({ id: p.existing!.id, values: [p.priceMinMinor, p.priceMaxMinor, p.stockTotal, p.product.salesCount, p.isActive, p.product.sourceUpdatedAt, asJson(p.goods), now, now] })),
  );
  // The sync time says "still listed upstream": a completed full sync retires what it did not see.
  const seen = plan.filter((p) => !p.changed).map((p) => p.existing!.id);
  // Raw, because drizzle's update() would also bump updated_at of rows that did not change.
  if (seen.length > 0) await tx.execute(sql.raw(`UPDATE \`products\` SET \`synced_at\` = ${datetimeLiteral(now)} WHERE \`id\` IN (${seen.join(', ')})`));
}
