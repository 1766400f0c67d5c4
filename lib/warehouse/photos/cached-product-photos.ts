import 'server-only';
import { unstable_cache } from 'next/cache';
import { cacheTags, catalogRevalidateSeconds } from '@/lib/cache/tags';
import { getDb } from '@/lib/db';
import { productWarehousePhotos } from './queries/product-warehouse-photos';

/** The product page's warehouse photos, cached with the page; `item.photographed` and consent changes expire the tag. */
export function cachedProductWarehousePhotos(productId: number) {
  return unstable_cache(() => productWarehousePhotos(getDb(), productId), ['warehouse-photos', String(productId)], {
    tags: [cacheTags.warehousePhotos(productId)],
    revalidate: catalogRevalidateSeconds,
  })();
}
