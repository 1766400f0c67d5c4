import 'server-only';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import type { CatalogPage, SupplierConnector } from '@/lib/suppliers/types';
import type { ChunkOutcome } from './import-chunk';
import type { UpstreamGuard } from './upstream-guard';

export type Chunk = {
  listings: SourceProduct[];
  /** Listings the connector could not read, when it reports them (`rejected` on its page). */
  rejected: { sourceId: string; error: string }[];
  /** Upstream pages in this chunk. */
  pages: number;
  /** Where the walk continues after this chunk; null when it was the last. */
  cursorAfter: string | null;
  total: number;
  watermark: Date | null;
};

type WalkOptions = {
  connector: SupplierConnector;
  guard: UpstreamGuard;
  cursor: string | null;
  modifiedSince: Date | null;
  pageSize: number;
  chunkSize: number;
  concurrency: number;
  signal: AbortSignal;
  importChunk(chunk: Chunk): Promise<ChunkOutcome>;
  /** Called in walk order, one at a time, once a chunk and every chunk before it are imported. */
  commit(chunk: Chunk, outcome: ChunkOutcome): Promise<void>;
};

/** Consecutive upstream pages grouped into import chunks; each page fetched only when asked for. */
async function* chunksOf(o: WalkOptions): AsyncGenerator<Chunk> {
  let cursor = o.cursor;
  let chunk: Chunk | null = null;
  for (;;) {
    const request = { cursor, pageSize: o.pageSize, modifiedSince: o.modifiedSince };
    const page: CatalogPage = await o.guard.call(() => o.connector.listCatalog(request), o.signal);
    chunk ??= { listings: [], rejected: [], pages: 0, cursorAfter: null, total: 0, watermark: null };
    chunk.listings.push(...page.products);
    chunk.rejected.push(...page.rejected);
    chunk.pages += 1;
    chunk.cursorAfter = page.cursor;
    chunk.total = page.total;
    chunk.watermark = page.watermark;
    cursor = page.cursor;
    if (!cursor || chunk.listings.length >= o.chunkSize) {
      yield chunk;
      chunk = null;
    }
    if (!cursor) return;
  }
}

/**
 * The catalog walk as a pipeline. The upstream cursor is sequential, so pages are fetched one
 * after another — but the next pages are fetched while up to `concurrency` chunks are being
 * imported, so the upstream's latency and the database's work overlap. Chunks may finish out of
 * order; `commit` sees them in walk order, so the saved cursor never passes an unimported chunk.
 * On any failure the walk stops fetching, lets the chunks in flight finish and commit, then throws.
 */
export async function walkCatalog(o: WalkOptions): Promise<void> {
  const inflight = new Set<Promise<void>>();
  const queue: { chunk: Chunk; outcome: ChunkOutcome | null }[] = [];
  // Set from the import callbacks; `as` keeps TypeScript from narrowing it to null for good.
  let failure = null as { error: unknown } | null;
  let committing: Promise<void> = Promise.resolve();

  const commitReady = async () => {
    // Even after a failure elsewhere: chunks ahead of the failed one are durable, their cursor may advance.
    while (queue[0]?.outcome) {
      const head = queue.shift()!;
      await o.commit(head.chunk, head.outcome!);
    }
  };

  try {
    for await (const chunk of chunksOf(o)) {
      while (inflight.size >= o.concurrency && !failure) await Promise.race(inflight);
      if (failure) break;
      const entry: (typeof queue)[number] = { chunk, outcome: null };
      queue.push(entry);
      const job = o
        .importChunk(chunk)
        .then((outcome) => {
          entry.outcome = outcome;
          committing = committing.then(commitReady);
          return committing;
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inflight.delete(job));
      inflight.add(job);
    }
  } finally {
    await Promise.allSettled(inflight);
    await committing.catch(() => undefined);
  }
  if (failure) throw failure.error;
}
