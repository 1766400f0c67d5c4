import 'server-only';
import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { SpecAttribute } from '@/db/schema/catalog';
import { products, skus } from '@/db/schema/catalog';
import { pickTitle, translationJoins } from '@/lib/catalog/queries/localized-text';
import { searchProducts } from '@/lib/catalog/queries/search-products';
import type { Database } from '@/lib/db';

export type StockProduct = { id: number; title: string; titleZh: string; platform: string; sourceId: string; isActive: boolean; skuCount: number };

export type StockSku = {
  id: number;
  sourceSkuId: string;
  /** Chinese spec pairs with the locale's translation beside them when there is one. */
  attributes: { name: string; value: string; nameZh: string; valueZh: string }[];
  priceMinor: number;
  stock: number;
  reserved: number;
  sellable: number;
};

const MAX_RESULTS = 20;

async function productsByIds(db: Database, ids: number[], locale: string): Promise<StockProduct[]> {
  if (ids.length === 0) return [];
  const joins = translationJoins(locale);
  const rows = await db
    .select({
      id: products.id,
      titleZh: products.titleZh,
      local: joins.local[0].title,
      english: joins.english[0].title,
      platform: products.platform,
      sourceId: products.sourceId,
      isActive: products.isActive,
      skuCount: sql<number>`(select count(*) from ${skus} where ${skus.productId} = ${products.id})`.mapWith(Number),
    })
    .from(products)
    .leftJoin(...joins.local)
    .leftJoin(...joins.english)
    .where(inArray(products.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{ id: r.id, title: pickTitle(r.local, r.english, r.titleZh, locale).title, titleZh: r.titleZh, platform: r.platform, sourceId: r.sourceId, isActive: r.isActive === 1, skuCount: r.skuCount }];
  });
}

/**
 * Products for the stock editor's search box: a number is tried as a product id and as a SKU id
 * (both shown when both exist); words go through the catalog's keyword index (Chinese or
 * translated titles). The caller checks `stock:write`.
 */
export async function findStockProducts(db: Database, q: string, locale: string): Promise<StockProduct[]> {
  const query = q.trim();
  if (!query) return [];
  if (/^\d{1,15}$/.test(query)) {
    const id = Number(query);
    const rows = await db
      .selectDistinct({ id: products.id })
      .from(products)
      .leftJoin(skus, eq(skus.productId, products.id))
      .where(or(eq(products.id, id), eq(skus.id, id)))
      .orderBy(asc(products.id))
      .limit(MAX_RESULTS);
    return productsByIds(db, rows.map((r) => r.id), locale);
  }
  const found = await searchProducts(db, query, locale, 1, MAX_RESULTS);
  return productsByIds(db, found.items.map((p) => p.id), locale);
}

/** One product's SKUs with stock, withheld units and what is sellable now. */
export async function listStockSkus(db: Database, productId: number, locale: string): Promise<{ product: StockProduct; skus: StockSku[] } | null> {
  const [product] = await productsByIds(db, [productId], locale);
  if (!product) return null;
  const joins = translationJoins(locale);
  const [rows, [translation]] = await Promise.all([
    db
      .select({ id: skus.id, sourceSkuId: skus.sourceSkuId, attributes: skus.attributes, priceMinor: skus.priceMinor, stock: skus.stock, reserved: skus.reserved })
      .from(skus)
      .where(eq(skus.productId, productId))
      .orderBy(asc(skus.id)),
    db.select({ attributes: joins.local[0].attributes }).from(products).leftJoin(...joins.local).where(eq(products.id, productId)).limit(1),
  ]);
  const names = translation?.attributes ?? {};
  const translate = (a: SpecAttribute) => ({ nameZh: a.name, valueZh: a.value, name: names[a.name] ?? a.name, value: names[a.value] ?? a.value });
  return {
    product,
    skus: rows.map((r) => ({ ...r, attributes: r.attributes.map(translate), sellable: Math.max(0, r.stock - r.reserved) })),
  };
}
