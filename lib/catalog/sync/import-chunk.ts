import 'server-only';
import type { Database } from '@/db/client';
import { importProducts, type ImportResult } from '@/lib/catalog/import/import-products';
import { isLockConflict } from '@/lib/db/lock-conflict';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import { describeError } from './describe-error';

export type ChunkFailure = { sourceId: string; error: string };
export type ChunkOutcome = { result: ImportResult; failures: ChunkFailure[] };

type ChunkContext = { db: Database; translator: TranslationProvider; locales: readonly string[] };

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'POOL_CLOSED']);

/** The database itself is in trouble: no listing is at fault, the run must stop (and resume later). */
function isDatabaseDown(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: string; fatal?: boolean };
    if (x.fatal === true || CONNECTION_CODES.has(x.code ?? '')) return true;
  }
  return isLockConflict(error);
}

const empty = (): ImportResult => ({ productIds: [], created: 0, updated: 0, unchanged: 0, reindexed: 0, changedProductIds: [], stockChangedSkuIds: [] });

function merge(a: ImportResult, b: ImportResult): ImportResult {
  return {
    productIds: [...a.productIds, ...b.productIds],
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    reindexed: a.reindexed + b.reindexed,
    changedProductIds: [...a.changedProductIds, ...b.changedProductIds],
    stockChangedSkuIds: [...a.stockChangedSkuIds, ...b.stockChangedSkuIds],
  };
}

/**
 * Imports one chunk of listings. A listing that makes the import fail on its own (an unknown
 * category, no SKUs, a value the database refuses) is set aside as a failure for `sync_failures`
 * while the rest of the chunk is imported: the chunk is halved until the failing listings are
 * alone. (Connectors validate listings against sourceProductSchema already; validating 100,000
 * again here cost more than isolating the rare bad one.) A database outage is not a listing's
 * fault: it is rethrown and fails the run.
 */
export async function importChunk(ctx: ChunkContext, listings: SourceProduct[]): Promise<ChunkOutcome> {
  const failures: ChunkFailure[] = [];
  return { result: await importIsolating(ctx, listings, failures), failures };
}

async function importIsolating(ctx: ChunkContext, listings: SourceProduct[], failures: ChunkFailure[]): Promise<ImportResult> {
  if (listings.length === 0) return empty();
  try {
    return await importProducts(ctx.db, listings, { translator: ctx.translator, locales: ctx.locales });
  } catch (error) {
    if (isDatabaseDown(error)) throw error;
    if (listings.length === 1) {
      failures.push({ sourceId: listings[0]!.sourceId, error: describeError(error) });
      return empty();
    }
    const half = Math.ceil(listings.length / 2);
    return merge(await importIsolating(ctx, listings.slice(0, half), failures), await importIsolating(ctx, listings.slice(half), failures));
  }
}
