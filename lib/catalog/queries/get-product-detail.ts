import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { products, sellers } from '@/db/schema/catalog';
import type { Database } from '@/lib/db';
import { productGoods } from '../goods/product-goods';
import type { ProductDetail, ProductImage, ProductSku, SpecAttribute } from '../types';
import { readJson } from './json-column';
import { englishText as english, localText as local, pickTitle, translationJoins } from './localized-text';

// SKUs and images ride along as JSON arrays so the whole product costs a single round trip
// (the storefront budget is ≤ 3 queries per product page on a cold cache).
const skusJson = sql<unknown>`(select json_arrayagg(json_object(
    'id', s.id, 'sourceSkuId', s.source_sku_id, 'attributes', json_extract(s.attributes, '$'),
    'priceMinor', s.price_minor, 'stock', s.stock, 'imagePosition', s.image_position))
  from skus s where s.product_id = ${products.id})`;
const imagesJson = sql<unknown>`(select json_arrayagg(json_object(
    'key', i.storage_key, 'width', i.width, 'height', i.height, 'position', i.position))
  from product_images i where i.product_id = ${products.id} and i.status = 'ready')`;

export async function getProductDetail(db: Database, id: number, locale: string): Promise<ProductDetail | null> {
  const joins = translationJoins(locale);
  const [row] = await db
    .select({
      p: products,
      seller: { id: sellers.id, name: sellers.name, nameEn: sellers.nameEn, location: sellers.location, rating: sellers.rating },
      localTitle: local.title,
      localDescription: local.description,
      localAttributes: local.attributes,
      enTitle: english.title,
      enDescription: english.description,
      enAttributes: english.attributes,
      skus: skusJson,
      images: imagesJson,
    })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .leftJoin(...joins.local)
    .leftJoin(...joins.english)
    .where(and(eq(products.id, id), eq(products.isActive, 1)))
    .limit(1);
  if (!row) return null;

  const p = row.p;
  const hasLocal = row.localTitle !== null;
  const skus = readJson<ProductSku[]>(row.skus, [])
    .map((s) => ({ ...s, attributes: readJson<SpecAttribute[]>(s.attributes, []) }))
    .sort((a, b) => a.id - b.id);
  const images = readJson<ProductImage[]>(row.images, []).sort((a, b) => a.position - b.position);
  return {
    id: p.id,
    slug: p.slug,
    platform: p.platform,
    sourceId: p.sourceId,
    sourceUrl: p.sourceUrl,
    titleZh: p.titleZh,
    ...pickTitle(row.localTitle, row.enTitle, p.titleZh, locale),
    description: (hasLocal ? row.localDescription : row.enDescription) ?? p.descriptionZh,
    attributesZh: p.attributesZh,
    attributeNames: { ...(row.enAttributes ?? {}), ...(row.localAttributes ?? {}) },
    categoryId: p.categoryId,
    seller: row.seller,
    priceMinMinor: p.priceMinMinor,
    priceMaxMinor: p.priceMaxMinor,
    domesticShippingMinor: p.domesticShippingMinor,
    weightGrams: p.weightGrams,
    goods: productGoods(p),
    salesCount: p.salesCount,
    syncedAt: p.syncedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    images,
    skus,
  };
}
