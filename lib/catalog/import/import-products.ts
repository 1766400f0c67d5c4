import 'server-only';
import type { Redis } from '@upstash/redis';
import { databaseName, type Database } from '@/db/client';
import { invalidateCounters } from '@/lib/inventory/redis-stock';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { memoizeTranslations } from './memo-translator';
import { planImport, stockChangedSkuIds, type PlannedProduct } from './plan-import';
import { readShadow } from './read-shadow';
import { translateForLocales, type ProductTranslation } from './translate-batch';
import { withDeadlockRetry } from '@/lib/db/lock-conflict';
import { writeContent } from './write-content';
import { writeProductNumbers, writeSkus } from './write-numbers';

export type ImportOptions = {
  /** Wrapped in a memo for this call unless it already is one (a sync passes one memo for its whole run). */
  translator: TranslationProvider;
  locales: readonly string[];
  now?: Date;
  /** When given, Redis stock counters of SKUs whose stock changed are dropped after the commit. */
  redis?: Redis | null;
};

export type ImportResult = {
  /** Local ids, in batch order. */
  productIds: number[];
  created: number;
  /** Existing products where anything stored changed (content, prices, stock, on-sale state). */
  updated: number;
  /** Existing products equal to their listing: only their sync time was written. */
  unchanged: number;
  /** Listings that took the full path (new or content changed): translated, indexed, images queued. */
  reindexed: number;
  /** Existing products that changed: their cached pages must be revalidated. */
  changedProductIds: number[];
  stockChangedSkuIds: number[];
};

/**
 * Writes a batch of upstream listings into the catalog shadow, idempotently: unique by (platform,
 * source id), SKUs by (product, source SKU id), images by position. Listings whose content hash
 * matches the shadow take the fast path (prices, stock, on-sale state, sync time in a few bulk
 * statements); new or changed ones are translated, indexed and their images queued. Staff-edited
 * translations are never overwritten; `skus.reserved` is never touched; a SKU whose stock a newer
 * push set keeps it. Images are only recorded here (`pending`); the image pipeline derives them.
 */
export async function importProducts(db: Database, batch: SourceProduct[], options: ImportOptions): Promise<ImportResult> {
  if (batch.length === 0) return { productIds: [], created: 0, updated: 0, unchanged: 0, reindexed: 0, changedProductIds: [], stockChangedSkuIds: [] };
  const now = options.now ?? new Date();
  const platform = batch[0]!.platform;
  if (batch.some((p) => p.platform !== platform)) throw new Error('A batch holds products of one platform');
  // A walk by modification time may list a listing twice (changed again mid-walk): the later one wins.
  const listings = [...new Map(batch.map((p) => [p.sourceId, p])).values()];
  const translator = memoizeTranslations(options.translator);
  // Kept across deadlock retries: translating is the slow part and does not depend on the shadow.
  const translations = new Map<string, ProductTranslation[]>();

  const { plan, idOf } = await withDeadlockRetry(async () => {
    const shadow = await readShadow(db, platform, listings.map((p) => p.sourceId));
    const plan = planImport(listings, shadow, now);
    const content = plan.filter((p) => p.path === 'content');
    for (const { product } of content) {
      if (!translations.has(product.sourceId)) translations.set(product.sourceId, await translateForLocales(translator, product, options.locales));
    }
    const idOf = new Map([...shadow.products.values()].map((p) => [p.sourceId, p.id]));
    // Read committed: no gap locks, so pages imported side by side do not block each other's inserts.
    await db.transaction(
      async (tx) => {
        await writeContent(tx, content, translations, idOf, now);
        await writeSkus(tx, plan, idOf, now);
        await writeProductNumbers(tx, plan.filter((p) => p.path === 'prices'), now);
      },
      { isolationLevel: 'read committed' },
    );
    return { plan, idOf };
  });

  const stockChanged = stockChangedSkuIds(plan);
  if (options.redis && stockChanged.length > 0) await dropCounters(options.redis, db, stockChanged);
  return summarize(batch, plan, idOf, stockChanged);
}

function summarize(batch: SourceProduct[], plan: PlannedProduct[], idOf: Map<string, number>, stockChanged: number[]): ImportResult {
  const existing = plan.filter((p) => p.existing);
  const changed = existing.filter((p) => p.changed);
  return {
    productIds: batch.map((p) => idOf.get(p.sourceId)!),
    created: plan.length - existing.length,
    updated: changed.length,
    unchanged: existing.length - changed.length,
    reindexed: plan.filter((p) => p.path === 'content').length,
    changedProductIds: changed.map((p) => p.existing!.id),
    stockChangedSkuIds: stockChanged,
  };
}

/** Counters reload from MySQL on the next reservation; a Redis hiccup only delays that by their TTL. */
async function dropCounters(redis: Redis, db: Database, skuIds: number[]): Promise<void> {
  try {
    for (let i = 0; i < skuIds.length; i += 1000) await invalidateCounters(redis, databaseName(db), skuIds.slice(i, i + 1000));
  } catch (error) {
    console.warn(`[catalog] ${skuIds.length} stock counters not reset (${(error as Error).message}); they reload within the hour`);
  }
}
