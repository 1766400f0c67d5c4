import { describe, expect, it } from 'vitest';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import type { CatalogPageRequest, SupplierConnector } from '@/lib/suppliers/types';
import { SupplierError } from '@/lib/suppliers/types';
import type { ChunkOutcome } from './import-chunk';
import { createUpstreamGuard, defaultResilience } from './upstream-guard';
import { walkCatalog, type Chunk } from './walk-catalog';

const listing = (n: number) => ({ sourceId: String(n) }) as SourceProduct;

/** A catalog of `size` listings walked `pageSize` at a time; the cursor is the next index. */
function fakeConnector(size: number, failAt: number | null = null) {
  const requests: CatalogPageRequest[] = [];
  const connector = {
    async listCatalog(request: CatalogPageRequest) {
      requests.push(request);
      const from = request.cursor ? Number(request.cursor) : 0;
      if (from === failAt) throw new SupplierError('invalid', 'bad page');
      const to = Math.min(size, from + request.pageSize);
      return { products: Array.from({ length: to - from }, (_, i) => listing(from + i)), cursor: to < size ? String(to) : null, total: size, watermark: null, rejected: [] };
    },
  } as unknown as SupplierConnector;
  return { connector, requests };
}

const outcome = (chunk: Chunk): ChunkOutcome => ({ result: { productIds: [], created: chunk.listings.length, updated: 0, unchanged: 0, reindexed: 0, changedProductIds: [], stockChangedSkuIds: [] }, failures: [] });
const guard = () => createUpstreamGuard({ callsPerSecond: 1000, resilience: { ...defaultResilience, attempts: 1 } });

describe('walkCatalog', () => {
  it('commits chunks in walk order even when imports finish out of order, never more than `concurrency` at once', async () => {
    const { connector, requests } = fakeConnector(95);
    const committed: string[] = [];
    let running = 0;
    let peak = 0;
    await walkCatalog({
      connector,
      guard: guard(),
      cursor: null,
      modifiedSince: null,
      pageSize: 10,
      chunkSize: 20,
      concurrency: 3,
      signal: new AbortController().signal,
      async importChunk(chunk) {
        running += 1;
        peak = Math.max(peak, running);
        // Earlier chunks take longer: they finish after later ones.
        await new Promise((r) => setTimeout(r, 40 - Number(chunk.listings[0]!.sourceId) / 5));
        running -= 1;
        return outcome(chunk);
      },
      async commit(chunk) {
        committed.push(`${chunk.listings[0]!.sourceId}-${chunk.listings.at(-1)!.sourceId}→${chunk.cursorAfter}`);
      },
    });
    expect(committed).toEqual(['0-19→20', '20-39→40', '40-59→60', '60-79→80', '80-94→null']);
    expect(requests).toHaveLength(10);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it('stops at a page that fails, after committing every chunk before it', async () => {
    const { connector } = fakeConnector(100, 50);
    const committed: (string | null)[] = [];
    await expect(
      walkCatalog({
        connector,
        guard: guard(),
        cursor: '10',
        modifiedSince: null,
        pageSize: 10,
        chunkSize: 20,
        concurrency: 2,
        signal: new AbortController().signal,
        importChunk: async (chunk) => outcome(chunk),
        commit: async (chunk) => void committed.push(chunk.cursorAfter),
      }),
    ).rejects.toThrow('bad page');
    expect(committed).toEqual(['30', '50']);
  });
});
