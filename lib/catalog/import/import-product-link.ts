import 'server-only';
import { eq } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import { getEnv } from '@/lib/env';
import { getTranslationProvider, TranslationError, type TranslationProvider } from '@/lib/i18n/translate';
import { locales as uiLocales } from '@/lib/i18n/locales';
import type { ImageFetcherOptions } from '@/lib/media/fetch-original';
import type { ImageRunResult } from '@/lib/media/process-pending-images';
import type { MediaStorage } from '@/lib/media/storage';
import { deriveSupplierImages } from '@/lib/suppliers/derive-supplier-images';
import { fromSupplierError, linkImportError } from '@/lib/suppliers/link-import-errors';
import { parseProductLink } from '@/lib/suppliers/parse-product-link';
import { getConnector, hasConnector } from '@/lib/suppliers/registry';
import { sourceProductSchema } from '@/lib/suppliers/source-product';
import { isSupplierError, type SupplierConnector, type SupplierPlatform } from '@/lib/suppliers/types';
import { importProducts } from './import-products';

export type ImportedLink = {
  productId: number;
  slug: string;
  /** false when the listing was already in the catalog and has been refreshed. */
  created: boolean;
  platform: SupplierPlatform;
  sourceId: string;
  /** Image derivation run right after the import; null when skipped or when it failed (logged). */
  images: ImageRunResult | null;
};

export type ImportLinkOptions = {
  translator?: TranslationProvider;
  locales?: readonly string[];
  /** Where derived images go and how originals are fetched (defaults: the env's store, the field's limits); `false` leaves them pending. */
  images?: { storage?: MediaStorage; fetcher?: ImageFetcherOptions } | false;
};

/**
 * A pasted marketplace link → a product in the catalog: parse, fetch the listing from its connector,
 * import it (idempotent on platform and source id, so a known listing is refreshed, never doubled),
 * then derive its images so the first page view has pictures. Every failure a shopper can cause or
 * wait out is an AppError whose `details.reason` says which (see lib/suppliers/link-import-errors.ts).
 */
export async function importProductLink(db: Database, input: string, options: ImportLinkOptions = {}): Promise<ImportedLink> {
  if (input.trim() === '') throw linkImportError('empty', null);
  const parsed = parseProductLink(input);
  if (parsed.kind === 'short') throw linkImportError('short_link', parsed.platform);
  if (parsed.kind === 'unsupported') throw linkImportError(parsed.platform ? 'not_a_listing' : 'unsupported_link', parsed.platform);
  const { platform, id } = parsed.link;

  const fetched = await fromUpstream(platform, (connector) => connector.fetchProduct(id));
  // A connector's reshape is the contract; a listing that breaks it is refused here rather than
  // half-written by the import.
  const checked = sourceProductSchema.safeParse(fetched);
  if (!checked.success) {
    console.error(`[link-import] ${platform}:${id}: listing does not fit the catalog`, checked.error.issues.slice(0, 5));
    throw linkImportError('unreadable_listing', platform);
  }
  const product = checked.data;
  const translator = options.translator ?? getTranslationProvider(getEnv());
  let result: Awaited<ReturnType<typeof importProducts>>;
  try {
    result = await importProducts(db, [product], { translator, locales: options.locales ?? uiLocales });
  } catch (error) {
    if (error instanceof TranslationError) {
      console.error(`[link-import] ${platform}:${id}: translation failed`, error);
      throw linkImportError('translation_unavailable', platform);
    }
    throw error;
  }
  const productId = result.productIds[0]!;
  const [row] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, productId)).limit(1);

  return {
    productId,
    slug: row!.slug,
    created: result.created > 0,
    platform,
    sourceId: product.sourceId,
    images: options.images === false ? null : await deriveImages(db, productId, options.images),
  };
}

async function fromUpstream<T>(platform: SupplierPlatform, call: (connector: SupplierConnector) => Promise<T>): Promise<T> {
  try {
    return await call(getConnector(platform));
  } catch (error) {
    if (!isSupplierError(error)) throw error;
    // A platform without a connector is expected; one whose keys are wrong, or a vendor failing, is for staff.
    if (error.code !== 'not_found' && (error.code !== 'not_configured' || hasConnector(platform))) {
      console.warn(`[link-import] ${platform}: ${error.code}${error.vendorCode ? ` (${error.vendorCode})` : ''}: ${error.message}`);
    }
    throw fromSupplierError(error, platform);
  }
}

/**
 * Derives this product's pending images right away, so the first page view has pictures. A
 * failure leaves the rows pending or failed for the server's image job and staff: the product page
 * works without pictures, so it never fails the import.
 */
async function deriveImages(db: Database, productId: number, images: { storage?: MediaStorage; fetcher?: ImageFetcherOptions } = {}): Promise<ImageRunResult | null> {
  try {
    const run = await deriveSupplierImages(db, { productIds: [productId], storage: images.storage, fetcher: images.fetcher });
    return { processed: run.processed, failed: run.failed, reused: run.reused, fetched: run.fetched };
  } catch (error) {
    console.error('[link-import] image derivation failed', error);
    return null;
  }
}
