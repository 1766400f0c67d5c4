import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, productTranslations, skus } from '@/db/schema/catalog';
import { mergeSpecNames, translateSpecs, type SpecNames } from '../spec-names';
import type { SpecAttribute } from '../types';
import { readJson } from './json-column';

export type SkuLine = { skuId: number; productId: number; attributes: SpecAttribute[] };
export type SkuLineDisplay = { imageKey: string | null; attributes: SpecAttribute[] };

// The SKU's own photo when it has one, else the product's first ready image (as the cart shows it).
const imageKey = sql<string | null>`(select i.storage_key from product_images i
  where i.product_id = ${products.id} and i.status = 'ready'
  order by (i.position <=> ${skus.imagePosition}) desc, i.position limit 1)`;
const firstImageKey = sql<string | null>`(select i.storage_key from product_images i
  where i.product_id = ${products.id} and i.status = 'ready' order by i.position limit 1)`;

/**
 * What an order line shows of the SKU it bought: that SKU's photo (a dark-green dress, not the
 * product's khaki cover) and its options in `locale` (else English, else the stored Chinese). Two
 * queries for any number of lines; a SKU the upstream has since dropped keeps the product's photo.
 */
export async function describeSkuLines(db: Database, lines: readonly SkuLine[], locale: string): Promise<SkuLineDisplay[]> {
  if (lines.length === 0) return [];
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const skuIds = [...new Set(lines.map((l) => l.skuId))];
  const [imageRows, textRows] = await Promise.all([
    db
      .select({ productId: products.id, skuId: skus.id, imageKey, firstImageKey })
      .from(products)
      .leftJoin(skus, and(eq(skus.productId, products.id), inArray(skus.id, skuIds)))
      .where(inArray(products.id, productIds)),
    db
      .select({ productId: productTranslations.productId, locale: productTranslations.locale, attributes: productTranslations.attributes })
      .from(productTranslations)
      .where(and(inArray(productTranslations.productId, productIds), inArray(productTranslations.locale, [...new Set([locale, 'en'])]))),
  ]);
  const bySku = new Map<number, string | null>();
  const byProduct = new Map<number, string | null>();
  for (const row of imageRows) {
    if (row.skuId !== null) bySku.set(row.skuId, row.imageKey);
    byProduct.set(row.productId, row.firstImageKey);
  }
  const names = new Map<number, { local?: SpecNames; english?: SpecNames }>();
  for (const row of textRows) {
    const entry = names.get(row.productId) ?? {};
    const map = readJson<SpecNames>(row.attributes, {});
    if (row.locale === locale) entry.local = map;
    if (row.locale === 'en') entry.english = map;
    names.set(row.productId, entry);
  }
  return lines.map((line) => {
    const text = names.get(line.productId);
    return {
      imageKey: bySku.get(line.skuId) ?? byProduct.get(line.productId) ?? null,
      attributes: translateSpecs(line.attributes, mergeSpecNames(text?.english, text?.local)),
    };
  });
}
