import 'server-only';
import type { Database } from '@/db/client';
import { createImageFetcher, type FetchCounters, type ImageFetcherOptions } from './fetch-original';
import { processPendingImages, type ImageRunResult } from './process-pending-images';
import type { MediaStorage } from './storage';
import { mediaStorageFromEnv } from './storage-from-env';

export type ImagePipelineRun = ImageRunResult & { download: FetchCounters; seconds: number };

/**
 * The production wiring of the image pipeline, for `catalog sync` and scheduled jobs: the store
 * the environment selects, one fetcher with the field's limits (10 downloads, 50 MB/s, 3 retries),
 * every pending image derived. Connectors whose image URLs need mapping (the 1688 sandbox) pass
 * `fetcher.rewriteUrl`.
 */
export async function runImagePipeline(
  db: Database,
  options: { storage?: MediaStorage; fetcher?: ImageFetcherOptions; batchSize?: number; productIds?: readonly number[]; maxRows?: number } = {},
): Promise<ImagePipelineRun> {
  const started = performance.now();
  const fetcher = createImageFetcher(options.fetcher);
  const result = await processPendingImages(db, options.storage ?? mediaStorageFromEnv(), fetcher.fetch, {
    concurrency: options.fetcher?.concurrency,
    batchSize: options.batchSize,
    productIds: options.productIds,
    maxRows: options.maxRows,
  });
  return { ...result, download: fetcher.counters(), seconds: Math.round((performance.now() - started) / 100) / 10 };
}
