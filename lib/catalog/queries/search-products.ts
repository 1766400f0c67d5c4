import 'server-only';
import { desc, inArray, sql } from 'drizzle-orm';
import { searchTerms } from '@/db/schema/catalog';
import type { Database } from '@/lib/db';
import { queryTerms } from '../search-text';
import type { ProductPage } from '../types';
import { productCardsByIds } from './list-products';

/**
 * Keyword search over the inverted index (search_terms): every query term must match; results are
 * ranked by summed term weight. Terms are looked up by primary key, never by scanning titles.
 */
export async function searchProducts(
  db: Database,
  q: string,
  locale: string,
  page: number,
  pageSize: number,
): Promise<ProductPage & { terms: string[] }> {
  const terms = queryTerms(q);
  if (terms.length === 0) return { items: [], total: 0, page, pageSize, terms };

  const matched = sql<number>`count(*)`;
  const score = sql<number>`sum(${searchTerms.weight})`;
  const grouped = db
    .select({ productId: searchTerms.productId, matched: matched.as('matched'), score: score.as('score') })
    .from(searchTerms)
    .where(inArray(searchTerms.term, terms))
    .groupBy(searchTerms.productId)
    .having(sql`count(*) >= ${terms.length}`);

  const [countRow] = await db.select({ total: sql<number>`count(*)` }).from(grouped.as('hits'));
  const total = Number(countRow?.total ?? 0);
  if (total === 0) return { items: [], total, page, pageSize, terms };

  const hits = await grouped
    .orderBy(desc(sql`score`), searchTerms.productId)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const items = await productCardsByIds(db, hits.map((h) => h.productId), locale);
  return { items, total, page, pageSize, terms };
}
