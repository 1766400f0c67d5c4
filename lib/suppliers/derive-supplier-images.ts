import 'server-only';
import type { Database } from '@/db/client';
import type { ImageFetcherOptions } from '@/lib/media/fetch-original';
import { runImagePipeline, type ImagePipelineRun } from '@/lib/media/run-image-pipeline';
import type { MediaStorage } from '@/lib/media/storage';
import { alibaba1688Keys, cdnUrlFor } from './alibaba-1688/keys';

/**
 * The image pipeline over marketplace images: pending product images are downloaded (with the
 * field's limits) and derived. 1688's alicdn URLs are fetched from ALIBABA_1688_CDN_URL when it is
 * set (the sandbox in demo and tests). The one entry point for the link import (`productIds`: its
 * own product), `ferry catalog sync` (everything pending) and the server's job (`maxRows` per tick).
 */
export function deriveSupplierImages(
  db: Database,
  options: { productIds?: readonly number[]; maxRows?: number; storage?: MediaStorage; fetcher?: ImageFetcherOptions } = {},
): Promise<ImagePipelineRun> {
  return runImagePipeline(db, {
    storage: options.storage,
    fetcher: { ...cdnStandIn(), ...options.fetcher },
    productIds: options.productIds,
    maxRows: options.maxRows,
    batchSize: options.maxRows,
  });
}

/**
 * With ALIBABA_1688_CDN_URL set, 1688's alicdn URLs are fetched from it, and that base (on this
 * machine in the demo and tests) is the one place exempt from the public-address check; every other
 * URL, redirects included, must be on IMAGE_HOSTS and resolve to public addresses.
 */
function cdnStandIn(): Pick<ImageFetcherOptions, 'rewriteUrl' | 'trustedBases'> {
  try {
    const keys = alibaba1688Keys(process.env);
    return keys.cdnUrl ? { rewriteUrl: (url) => cdnUrlFor(url, keys), trustedBases: [keys.cdnUrl] } : {};
  } catch {
    // No usable 1688 settings: URLs are fetched as they are.
    return {};
  }
}
