import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { categories, products } from '@/db/schema/catalog';
import { productSlug } from '../slug';
import { asJson, insertRows, takeNew, updateByIds } from './bulk-sql';
import type { PlannedProduct } from './plan-import';
import type { ProductTranslation } from './translate-batch';
import { upsertSellers } from './upsert-sellers';
import { writeImages, writeSearchTerms, writeTranslations } from './write-texts';

/**
 * The full path, for new listings and listings whose content changed: product rows (with their
 * content hash), readable slugs, images, translations and search terms. Fills `idOf` with the ids
 * of new products. Throws (so the transaction writes nothing) on a category the catalog lacks.
 */
export async function writeContent(tx: Database, plan: PlannedProduct[], translations: Map<string, ProductTranslation[]>, idOf: Map<string, number>, now: Date): Promise<void> {
  if (plan.length === 0) return;
  const platform = plan[0]!.product.platform;
  const slugs = [...new Set(plan.map((p) => p.product.categorySlug))];
  const categoryRows = await tx.select({ id: categories.id, slug: categories.slug }).from(categories).where(inArray(categories.slug, slugs));
  const categoryIds = new Map(categoryRows.map((c) => [c.slug, c.id]));
  for (const { product: p } of plan) {
    if (!categoryIds.has(p.categorySlug)) throw new Error(`Unknown category slug ${p.categorySlug} for ${p.platform}:${p.sourceId}`);
  }
  const sellerIds = await upsertSellers(tx, platform, plan.map((p) => p.product));

  await insertRows(
    tx,
    products,
    ['platform', 'sourceId', 'sourceUrl', 'slug', 'titleZh', 'descriptionZh', 'attributesZh', 'categoryId', 'sellerId', 'priceMinMinor', 'priceMaxMinor', 'domesticShippingMinor', 'weightGrams', 'stockTotal', 'salesCount', 'isActive', 'sourceUpdatedAt', 'syncedAt', 'contentHash', 'goodsDetected', 'createdAt', 'updatedAt'],
    plan.map(({ product: p, ...x }) => [
      platform,
      p.sourceId,
      p.sourceUrl,
      `item-${p.sourceId}`.slice(0, 160),
      p.title,
      p.description,
      asJson(p.attributes),
      categoryIds.get(p.categorySlug)!,
      sellerIds.get(p.seller.sourceId)!,
      x.priceMinMinor,
      x.priceMaxMinor,
      p.domesticShippingMinor,
      p.weightGrams,
      x.stockTotal,
      p.salesCount,
      x.isActive,
      p.sourceUpdatedAt,
      now,
      x.hash,
      asJson(x.goods),
      now,
      now,
    ]),
    {
      onDuplicate: takeNew(products, ['sourceUrl', 'titleZh', 'descriptionZh', 'attributesZh', 'categoryId', 'sellerId', 'priceMinMinor', 'priceMaxMinor', 'domesticShippingMinor', 'weightGrams', 'stockTotal', 'salesCount', 'isActive', 'sourceUpdatedAt', 'syncedAt', 'contentHash', 'goodsDetected', 'updatedAt']),
      chunkRows: 1000,
    },
  );

  const rows = await tx
    .select({ id: products.id, sourceId: products.sourceId, slug: products.slug })
    .from(products)
    .where(and(eq(products.platform, platform), inArray(products.sourceId, plan.map((p) => p.product.sourceId))));
  for (const r of rows) idOf.set(r.sourceId, r.id);

  // Readable slugs need the id: set them once the rows exist.
  const slugUpdates = rows.flatMap((r) => {
    const en = translations.get(r.sourceId)?.find((t) => t.locale === 'en');
    const slug = productSlug(en?.title ?? '', r.id);
    return r.slug === slug ? [] : [{ id: r.id, values: [slug] }];
  });
  await updateByIds(tx, products, ['slug'], slugUpdates);

  await writeImages(tx, plan, idOf);
  await writeTranslations(tx, plan, idOf, translations, now);
  await writeSearchTerms(tx, plan, idOf, translations);
}
