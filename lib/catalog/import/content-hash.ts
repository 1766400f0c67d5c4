import { createHash } from 'node:crypto';
import type { SourceProduct } from '@/lib/suppliers/source-product';

/** Bump when the hashed fields change, so every product takes the full path once more. */
const VERSION = 'v1';

/**
 * SHA-1 (hex, 40 chars: `products.content_hash`) of everything about a listing except what moves
 * daily: SKU prices and stock, the sales count and the modification time. Equal hashes mean the
 * texts, attributes, images, SKU matrix, seller and shipping are as imported before, so a sync only
 * refreshes prices and stock: no translation, search indexing or image work.
 *
 * Built from an array in a fixed field order (not JSON of the object), so key order never matters.
 */
export function contentHash(p: SourceProduct): string {
  const canonical = [
    VERSION,
    p.platform,
    p.sourceId,
    p.sourceUrl,
    p.title,
    p.subjectTrans ?? null,
    p.description,
    p.attributes.map((a) => [a.name, a.value]),
    p.categorySlug,
    [p.seller.sourceId, p.seller.name, p.seller.location, p.seller.rating],
    p.images,
    p.skus.map((s) => [s.sourceSkuId, s.specId ?? null, s.attributes.map((a) => [a.name, a.value]), s.imageIndex]),
    p.weightGrams,
    p.domesticShippingMinor,
  ];
  return createHash('sha1').update(JSON.stringify(canonical)).digest('hex');
}
