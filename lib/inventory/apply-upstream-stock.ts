import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { databaseName, type Database } from '@/db/client';
import { products, skus } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import type { Executor } from './db-stock';
import { invalidateCounters } from './redis-stock';

/** One upstream reading of a SKU's on-sale quantity (a push, or checkout's real-time check). */
export type UpstreamStockChange = {
  platform: string;
  offerId: string;
  /** Null for a listing without specs: then the product's only SKU is meant. */
  sourceSkuId: string | null;
  stock: number;
  /** The listing as a whole is on sale upstream. */
  isOnSale: boolean;
  /** Upstream time of the reading; an older one than the shadow holds changes nothing. */
  changedAt: Date;
};

/** Same ceiling as a staff correction (set-stock.ts); the column is a signed int. */
const MAX_STOCK = 10_000_000;
const FUTURE_SKEW_MS = 5 * 60_000;

export type UpstreamStockOutcome = 'applied' | 'stale' | 'unknown_offer' | 'unknown_sku';

export type WrittenUpstreamStock = { outcomes: UpstreamStockOutcome[]; skuIds: number[]; productIds: number[]; isListingChanged: boolean };

/** Called with the cache tags to expire; outside Next (tests, CLI) pass nothing and pages catch up on their own. */
export type Revalidate = (tags: string[]) => void;

/**
 * Writes upstream readings into the shadow stock inside the caller's transaction. A SKU takes a
 * reading only when it is newer than the one it holds (`stock_source_at`), so duplicated, reordered
 * and stale messages leave it alone. `reserved` is never touched: checkout then sells
 * `stock − reserved`. Rows are locked in id order (SKUs, then products), like checkout does.
 * Give at most one reading per SKU (the newest): later readings of the same SKU lose here.
 */
export async function writeUpstreamStock(tx: Executor, changes: readonly UpstreamStockChange[]): Promise<WrittenUpstreamStock> {
  const outcomes: UpstreamStockOutcome[] = changes.map(() => 'unknown_offer');
  const none = { outcomes, skuIds: [], productIds: [], isListingChanged: false };
  const offersByPlatform = new Map<string, Set<string>>();
  for (const c of changes) offersByPlatform.set(c.platform, (offersByPlatform.get(c.platform) ?? new Set()).add(c.offerId));
  if (offersByPlatform.size === 0) return none;
  const found = await tx
    .select({ id: skus.id, productId: skus.productId, sourceSkuId: skus.sourceSkuId, platform: products.platform, offerId: products.sourceId, isActive: products.isActive })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(or(...[...offersByPlatform].map(([platform, ids]) => and(eq(products.platform, platform), inArray(products.sourceId, [...ids])))));
  if (found.length === 0) return none;
  // Lock only the SKU rows, in id order (as checkout's guarded update does), and read the time of
  // the stock they hold under that lock: two appliers cannot both pass the staleness check.
  const locked = await tx
    .select({ id: skus.id, stockSourceAt: skus.stockSourceAt })
    .from(skus)
    .where(inArray(skus.id, found.map((r) => r.id)))
    .orderBy(asc(skus.id))
    .for('update');
  const heldAt = new Map(locked.map((r) => [r.id, r.stockSourceAt]));
  const byOffer = new Map<string, typeof found>();
  for (const row of found) {
    const key = `${row.platform}:${row.offerId}`;
    byOffer.set(key, [...(byOffer.get(key) ?? []), row]);
  }

  // A reading stamped in the future (a skewed clock, a bad message) would make every honest
  // reading after it look stale until that time: it counts as taken now.
  const latest = Date.now() + FUTURE_SKEW_MS;
  const updates = new Map<number, { stock: number; at: Date }>();
  const listing = new Map<number, { isActive: number; at: Date; was: number }>();
  changes.forEach((change, i) => {
    const offerSkus = byOffer.get(`${change.platform}:${change.offerId}`);
    if (!offerSkus) return;
    const sku = change.sourceSkuId === null ? (offerSkus.length === 1 ? offerSkus[0] : undefined) : offerSkus.find((s) => s.sourceSkuId === change.sourceSkuId);
    if (!sku) return void (outcomes[i] = 'unknown_sku');
    const at = change.changedAt.getTime() > latest ? new Date() : change.changedAt;
    const held = heldAt.get(sku.id);
    if (held && held.getTime() >= at.getTime()) return void (outcomes[i] = 'stale');
    outcomes[i] = 'applied';
    heldAt.set(sku.id, at);
    updates.set(sku.id, { stock: Math.min(MAX_STOCK, Math.max(0, Math.trunc(change.stock))), at });
    const known = listing.get(sku.productId);
    if (!known || known.at < at) listing.set(sku.productId, { isActive: change.isOnSale ? 1 : 0, at, was: sku.isActive });
  });
  if (updates.size === 0) return none;

  const skuIds = [...updates.keys()].sort((a, b) => a - b);
  // One statement per 500 SKUs rather than one per SKU: a push storm is hundreds per batch.
  for (let i = 0; i < skuIds.length; i += 500) {
    const ids = skuIds.slice(i, i + 500);
    const cases = <T>(value: (u: { stock: number; at: Date }) => T) =>
      sql.join([sql`case ${skus.id}`, ...ids.map((id) => sql`when ${id} then ${value(updates.get(id)!)}`), sql`end`], sql` `);
    await tx
      .update(skus)
      .set({ stock: sql`${cases((u) => u.stock)}`, stockSourceAt: sql`${cases((u) => u.at)}` })
      .where(inArray(skus.id, ids));
  }
  const productIds = [...listing.keys()].sort((a, b) => a - b);
  await tx
    .update(products)
    // Qualified by hand: inside the subquery a bare `id` would be the SKU's.
    .set({ stockTotal: sql`(select coalesce(sum(s.stock), 0) from skus s where s.product_id = products.id)` })
    .where(inArray(products.id, productIds));
  let isListingChanged = false;
  for (const flag of [0, 1]) {
    const ids = productIds.filter((id) => listing.get(id)!.isActive === flag && listing.get(id)!.was !== flag);
    if (ids.length === 0) continue;
    isListingChanged = true;
    await tx.update(products).set({ isActive: flag }).where(inArray(products.id, ids));
  }
  return { outcomes, skuIds, productIds, isListingChanged };
}

/**
 * After the commit: drops the Redis counters of the changed SKUs (the next reservation reloads
 * `stock − reserved` from MySQL) and expires the products' cached pages. Never throws: a counter
 * that could not be dropped reloads within COUNTER_TTL_SECONDS, and the database guard still
 * stops any sale the shadow cannot cover.
 */
export async function settleUpstreamStock(db: Database, redis: Redis | null, written: WrittenUpstreamStock, revalidate?: Revalidate): Promise<void> {
  if (written.skuIds.length === 0) return;
  if (redis) {
    await invalidateCounters(redis, databaseName(db), written.skuIds).catch((error: Error) =>
      console.warn(`[inventory] ${written.skuIds.length} stock counters not reset (${error.message}); they reload within the hour`),
    );
  }
  if (!revalidate) return;
  const tags = written.productIds.map((id) => cacheTags.product(id));
  if (written.isListingChanged) tags.push(cacheTags.listing);
  try {
    revalidate(tags);
  } catch (error) {
    console.warn(`[inventory] product pages not revalidated: ${(error as Error).message}`);
  }
}

/** Writes the readings in their own transaction and settles Redis and the page cache. */
export async function applyUpstreamStock(
  db: Database,
  redis: Redis | null,
  changes: readonly UpstreamStockChange[],
  revalidate?: Revalidate,
): Promise<WrittenUpstreamStock> {
  const written = await db.transaction((tx) => writeUpstreamStock(tx, changes));
  await settleUpstreamStock(db, redis, written, revalidate);
  return written;
}
