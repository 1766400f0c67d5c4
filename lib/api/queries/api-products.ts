import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { products, skus } from '@/db/schema/catalog';
import { readJson } from '@/lib/catalog/queries/json-column';
import { englishText, translationJoins } from '@/lib/catalog/queries/localized-text';
import { searchProducts } from '@/lib/catalog/queries/search-products';
import type { Database } from '@/lib/db';
import { serializeProduct, type ApiProduct, type AttributeNames, type SkuRecord } from '../serialize';

export type ApiProductPage = { items: ApiProduct[]; page: number; pageSize: number; total: number };

const productColumns = {
  id: products.id,
  platform: products.platform,
  sourceId: products.sourceId,
  sourceUrl: products.sourceUrl,
  titleZh: products.titleZh,
  enTitle: englishText.title,
  enAttributes: englishText.attributes,
};

/**
 * A page of active products for the open API. With `q`, the storefront's keyword search (the
 * search_terms index, ranked); without it, every active product by id. Products and their SKUs
 * are two queries whatever the page size.
 */
export async function listApiProducts(db: Database, query: { q?: string; page: number; pageSize: number }): Promise<ApiProductPage> {
  const { page, pageSize } = query;
  const q = query.q?.trim();
  if (q) {
    const found = await searchProducts(db, q, 'en', page, pageSize);
    return { items: await productsByIds(db, found.items.map((c) => c.id)), page, pageSize, total: found.total };
  }
  const active = eq(products.isActive, 1);
  const [totalRow] = await db.select({ total: count() }).from(products).where(active);
  const total = totalRow?.total ?? 0;
  if (total === 0 || (page - 1) * pageSize >= total) return { items: [], page, pageSize, total };
  const rows = await db
    .select(productColumns)
    .from(products)
    .leftJoin(...translationJoins('en').english)
    .where(active)
    .orderBy(asc(products.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: await withSkus(db, rows), page, pageSize, total };
}

/** One active product, or null. */
export async function getApiProduct(db: Database, id: number): Promise<ApiProduct | null> {
  const [product] = await productsByIds(db, [id]);
  return product ?? null;
}

/** Active products for known ids, in the order given. */
async function productsByIds(db: Database, ids: number[]): Promise<ApiProduct[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(productColumns)
    .from(products)
    .leftJoin(...translationJoins('en').english)
    .where(and(inArray(products.id, ids), eq(products.isActive, 1)));
  const byId = new Map((await withSkus(db, rows)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

type ProductRow = { [K in keyof typeof productColumns]: unknown } & {
  id: number;
  platform: string;
  sourceId: string;
  sourceUrl: string;
  titleZh: string;
  enTitle: string | null;
};

async function withSkus(db: Database, rows: ProductRow[]): Promise<ApiProduct[]> {
  if (rows.length === 0) return [];
  const skuRows = await db
    .select({
      id: skus.id,
      productId: skus.productId,
      sourceSkuId: skus.sourceSkuId,
      attributes: skus.attributes,
      priceMinor: skus.priceMinor,
      stock: skus.stock,
      reserved: skus.reserved,
    })
    .from(skus)
    .where(inArray(skus.productId, rows.map((r) => r.id)))
    .orderBy(asc(skus.id));
  const byProduct = new Map<number, SkuRecord[]>();
  for (const s of skuRows) {
    const list = byProduct.get(s.productId) ?? [];
    list.push({ ...s, attributes: readJson(s.attributes, []) });
    byProduct.set(s.productId, list);
  }
  return rows.map((r) =>
    serializeProduct(
      { ...r, enAttributes: readJson<AttributeNames | null>(r.enAttributes, null) },
      byProduct.get(r.id) ?? [],
    ),
  );
}
