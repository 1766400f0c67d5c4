import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import type { Database } from '@/lib/db';
import type { ProductCard, ProductPage, SortOption } from '../types';
import { translationJoins } from './localized-text';
import { cardColumns, toCard } from './product-cards';

export type ListFilter = {
  categoryIds?: number[];
  /** Bounds on the lowest SKU price, in CNY minor units. */
  minPriceMinor?: number;
  maxPriceMinor?: number;
  sort: SortOption;
  page: number;
  pageSize: number;
};

const orderings: Record<SortOption, SQL[]> = {
  popular: [desc(products.salesCount), asc(products.id)],
  'price-asc': [asc(products.priceMinMinor), asc(products.id)],
  'price-desc': [desc(products.priceMinMinor), asc(products.id)],
  newest: [desc(products.id)],
};

/** A page of product cards and the total matching: two queries. */
export async function listProducts(db: Database, filter: ListFilter, locale: string): Promise<ProductPage> {
  const conditions: SQL[] = [eq(products.isActive, 1)];
  if (filter.categoryIds) conditions.push(inArray(products.categoryId, filter.categoryIds.length ? filter.categoryIds : [0]));
  if (filter.minPriceMinor !== undefined) conditions.push(gte(products.priceMinMinor, filter.minPriceMinor));
  if (filter.maxPriceMinor !== undefined) conditions.push(lte(products.priceMinMinor, filter.maxPriceMinor));
  const where = and(...conditions);
  const joins = translationJoins(locale);

  const [totalRow] = await db.select({ total: count() }).from(products).where(where);
  const total = totalRow?.total ?? 0;
  if (total === 0) return { items: [], total, page: filter.page, pageSize: filter.pageSize };

  const rows = await db
    .select(cardColumns())
    .from(products)
    .leftJoin(...joins.local)
    .leftJoin(...joins.english)
    .where(where)
    .orderBy(...orderings[filter.sort])
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items: rows.map((r) => toCard(r, locale)), total, page: filter.page, pageSize: filter.pageSize };
}

/** Cards for known ids, in the order given (search results, featured lists). */
export async function productCardsByIds(db: Database, ids: number[], locale: string): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const joins = translationJoins(locale);
  const rows = await db
    .select(cardColumns())
    .from(products)
    .leftJoin(...joins.local)
    .leftJoin(...joins.english)
    .where(and(inArray(products.id, ids), eq(products.isActive, 1)));
  const byId = new Map(rows.map((r) => [r.id, toCard(r, locale)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
