import 'server-only';
import type { Redis } from '@upstash/redis';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { applyUpstreamStock, type Revalidate, type UpstreamStockChange } from '@/lib/inventory/apply-upstream-stock';
import type { StockLine } from '@/lib/inventory/redis-stock';
import { getConnector, hasConnector } from '@/lib/suppliers/registry';
import { isSupplierError, supplierPlatforms, type ProductQuote, type SupplierConnector, type SupplierPlatform } from '@/lib/suppliers/types';

export type UpstreamCheckOptions = {
  /** Default: on unless UPSTREAM_CHECK=off. */
  isEnabled?: boolean;
  /** Default: UPSTREAM_CHECK_MS, else 1500. */
  timeoutMs?: number;
  /** Default: the registry's connector where the platform has one. */
  connectorFor?: (platform: SupplierPlatform) => SupplierConnector | null;
  revalidate?: Revalidate;
};

/** Whether the order's stock was confirmed upstream, and if not, why (kept with the order). */
export type UpstreamCheck = { isVerified: boolean; reason: string | null };

const DEFAULT_TIMEOUT_MS = 1500;

/**
 * Checks the ordered SKUs against the marketplace in real time, before any unit is held.
 * - Upstream has fewer units than the line needs (after Ferry's own unbought reservations), or the
 *   listing or SKU is off sale: the upstream value is written into the shadow stock (pages and
 *   counters catch up) and the order is refused with the usual `out_of_stock`.
 * - FALLBACK: the upstream is unreachable, slow (over UPSTREAM_CHECK_MS), rate-limited, its
 *   breaker is open or it answers with an error: the order is sold from the shadow stock (the Redis
 *   counter, the MySQL guard and the push-fed shadow still forbid overselling it) and recorded as
 *   not upstream-verified, with the reason, and a warning is logged. A marketplace hiccup must not
 *   stop checkout; purchasing finds a real shortage when it orders and staff resolve it.
 * Lines from platforms without a connector are not checked (unverified, `no_connector`).
 * One answer per listing serves every checkout within a second (see `quotesOf`).
 */
export async function verifyUpstreamStock(db: Database, redis: Redis | null, lines: readonly StockLine[], options: UpstreamCheckOptions = {}): Promise<UpstreamCheck> {
  if (!(options.isEnabled ?? process.env.UPSTREAM_CHECK !== 'off')) return { isVerified: false, reason: 'disabled' };
  const configured = Number(process.env.UPSTREAM_CHECK_MS);
  const timeoutMs = options.timeoutMs ?? (configured > 0 ? configured : DEFAULT_TIMEOUT_MS);
  const connectorFor = options.connectorFor ?? ((p: SupplierPlatform) => (hasConnector(p) ? getConnector(p) : null));
  const rows = await db
    .select({ skuId: skus.id, sourceSkuId: skus.sourceSkuId, reserved: skus.reserved, platform: products.platform, offerId: products.sourceId })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.id, lines.map((l) => l.skuId)));
  const quantity = new Map(lines.map((l) => [l.skuId, l.quantity]));

  const reasons: string[] = [];
  const byPlatform = new Map<SupplierPlatform, typeof rows>();
  for (const row of rows) {
    const platform = supplierPlatforms.find((p) => p === row.platform);
    if (platform) byPlatform.set(platform, [...(byPlatform.get(platform) ?? []), row]);
    else reasons.push('no_connector');
  }
  const checks = await Promise.all(
    [...byPlatform].map(async ([platform, platformRows]) => {
      let connector: SupplierConnector | null = null;
      try {
        connector = connectorFor(platform);
      } catch {
        // not_configured: treated like no connector.
      }
      if (!connector) return { platform, platformRows, quotes: null, reason: 'no_connector' };
      try {
        const quoted = await withTimeout(quotesOf(connector, [...new Set(platformRows.map((r) => r.offerId))]), timeoutMs);
        const quotes = quoted.map((q) => q.quote);
        const checkedAt = new Date(Math.min(...quoted.map((q) => q.at)));
        return { platform, platformRows, quotes, checkedAt, reason: null };
      } catch (error) {
        const reason = error instanceof TimeoutError ? 'timeout' : isSupplierError(error) ? error.code : 'error';
        console.warn(`[checkout] upstream stock check on ${platform} failed (${reason}: ${(error as Error).message}); selling from the shadow stock, order not upstream-verified`);
        return { platform, platformRows, quotes: null, reason };
      }
    }),
  );

  const corrections: UpstreamStockChange[] = [];
  let short: { skuId: number; available: number } | null = null;
  for (const check of checks) {
    if (!check.quotes) {
      reasons.push(check.reason!);
      continue;
    }
    const byOffer = new Map<string, ProductQuote>(check.quotes.map((q) => [q.sourceId, q]));
    for (const row of check.platformRows) {
      const quote = byOffer.get(row.offerId);
      const sku = quote?.skus.find((s) => s.sourceSkuId === row.sourceSkuId);
      // A listing or SKU the upstream no longer returns is not for sale.
      const upstream = quote?.isOnSale && sku?.isOnSale ? Math.max(0, sku.stock) : 0;
      // Ferry's unbought reservations are still counted in the upstream's number.
      if (upstream - row.reserved >= quantity.get(row.skuId)!) continue;
      corrections.push({ platform: check.platform, offerId: row.offerId, sourceSkuId: row.sourceSkuId, stock: upstream, isOnSale: quote?.isOnSale ?? false, changedAt: check.checkedAt });
      short ??= { skuId: row.skuId, available: Math.max(0, upstream - row.reserved) };
    }
  }
  if (short) {
    await applyUpstreamStock(db, redis, corrections, options.revalidate);
    throw new AppError('out_of_stock', `Only ${short.available} left of SKU ${short.skuId}`, short);
  }
  return reasons.length ? { isVerified: false, reason: [...new Set(reasons)].join(',') } : { isVerified: true, reason: null };
}

/**
 * A flash sale sends thousands of checkouts for one listing within seconds; each asking the
 * marketplace would burn its rate limit and slow every buyer. Answers are shared: checkouts that
 * ask for the same listing while a call is in flight wait for that call, and an answer serves for
 * QUOTE_TTL_MS. Failures are not kept (the next checkout asks again).
 */
const QUOTE_TTL_MS = 1000;
type Quoted = { at: number; quote: ProductQuote };
const quoteCache = new WeakMap<SupplierConnector, Map<string, { at: number; pending: Promise<Quoted> }>>();

function quotesOf(connector: SupplierConnector, offerIds: string[]): Promise<Quoted[]> {
  const now = Date.now();
  let cache = quoteCache.get(connector);
  if (!cache) quoteCache.set(connector, (cache = new Map()));
  if (cache.size > 10_000) for (const [id, entry] of cache) if (now - entry.at >= QUOTE_TTL_MS) cache.delete(id);
  const missing = offerIds.filter((id) => !(now - (cache.get(id)?.at ?? -Infinity) < QUOTE_TTL_MS));
  if (missing.length > 0) {
    const call = connector.checkStock(missing);
    for (const id of missing) {
      const pending = call.then((quotes) => ({ at: now, quote: quotes.find((q) => q.sourceId === id) ?? { sourceId: id, isOnSale: false, skus: [] } }));
      pending.catch(() => cache.get(id)?.pending === pending && cache.delete(id));
      cache.set(id, { at: now, pending });
    }
  }
  return Promise.all(offerIds.map((id) => cache.get(id)!.pending));
}

class TimeoutError extends Error {}

/** The upstream call keeps running after a timeout; its late answer or error is dropped. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => undefined);
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
