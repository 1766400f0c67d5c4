import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/lib/db';
import { getLatestRates } from '@/lib/fx/store';
import { cacheTags, catalogRevalidateSeconds } from '@/lib/cache/tags';
import { getCategoryTree } from './queries/get-category-tree';
import { getProductDetail } from './queries/get-product-detail';
import { listProducts, type ListFilter } from './queries/list-products';
import { searchProducts } from './queries/search-products';

/*
 * Catalog reads cached by tags, with locale (and every filter) as arguments.
 *
 * Why `unstable_cache` and not `'use cache'`: in Next 16 `'use cache'` requires `cacheComponents`,
 * which turns route params into dynamic holes and makes the product page stream per request. The
 * storefront's speed target (product page ≥ ½ the req/s of a prerendered page) needs the whole page
 * rendered once and served from the ISR cache, which is what route-level `revalidate` plus these tagged
 * data caches give. Writes call `revalidateTag` with the same names (lib/cache/tags.ts).
 */

const options = (tags: string[]) => ({ tags: [cacheTags.catalog, ...tags], revalidate: catalogRevalidateSeconds });

export function cachedCategoryTree(locale: string) {
  return unstable_cache(() => getCategoryTree(getDb(), locale), ['category-tree', locale], options([cacheTags.categories]))();
}

export function cachedProductDetail(id: number, locale: string) {
  return unstable_cache(
    () => getProductDetail(getDb(), id, locale),
    ['product-detail', String(id), locale],
    options([cacheTags.product(id)]),
  )();
}

export function cachedProductList(filter: ListFilter, locale: string) {
  return unstable_cache(
    () => listProducts(getDb(), filter, locale),
    ['product-list', JSON.stringify(filter), locale],
    options([cacheTags.listing]),
  )();
}

export function cachedSearch(q: string, locale: string, page: number, pageSize: number) {
  return unstable_cache(
    () => searchProducts(getDb(), q, locale, page, pageSize),
    ['search', q, locale, String(page), String(pageSize)],
    options([cacheTags.listing]),
  )();
}

export function cachedRates() {
  return unstable_cache(() => getLatestRates(getDb()), ['fx-latest'], { tags: [cacheTags.fx], revalidate: 900 })();
}
