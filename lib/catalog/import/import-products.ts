import { and, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { categories, productImages, products, productTranslations, searchTerms, skus } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import { takeInserted } from '@/db/upsert';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import { indexTerms } from '../search-text';
import { productSlug } from '../slug';
import type { SourceProduct } from '../source-product';
import { translateForLocales, type ProductTranslation } from './translate-batch';
import { upsertSellers } from './upsert-sellers';

export type ImportOptions = { translator: TranslationProvider; locales: readonly string[]; now?: Date };
export type ImportResult = { productIds: number[]; created: number; updated: number };

/**
 * Writes a batch of upstream products into the catalog shadow, idempotently: unique by (platform,
 * source id), SKUs by (product, source SKU id), images by position. Staff-edited translations are
 * never overwritten. Images are only recorded here (status `pending` when new or changed); the image
 * pipeline derives them afterwards, so a slow CDN never holds a database transaction open.
 */
export async function importProducts(db: Database, batch: SourceProduct[], options: ImportOptions): Promise<ImportResult> {
  if (batch.length === 0) return { productIds: [], created: 0, updated: 0 };
  const now = options.now ?? new Date();
  const platform = batch[0]!.platform;
  if (batch.some((p) => p.platform !== platform)) throw new Error('A batch holds products of one platform');

  const translations = new Map<string, ProductTranslation[]>();
  for (const p of batch) translations.set(p.sourceId, await translateForLocales(options.translator, p, options.locales));

  return db.transaction(async (tx) => {
    const slugs = [...new Set(batch.map((p) => p.categorySlug))];
    const categoryRows = await tx.select({ id: categories.id, slug: categories.slug }).from(categories).where(inArray(categories.slug, slugs));
    const categoryIds = new Map(categoryRows.map((c) => [c.slug, c.id]));
    const sellerIds = await upsertSellers(tx, platform, batch);
    const sourceIds = batch.map((p) => p.sourceId);
    const existing = await tx.select({ id: products.id }).from(products).where(and(eq(products.platform, platform), inArray(products.sourceId, sourceIds)));

    await tx
      .insert(products)
      .values(
        batch.map((p) => {
          const categoryId = categoryIds.get(p.categorySlug);
          if (!categoryId) throw new Error(`Unknown category slug ${p.categorySlug} for ${p.platform}:${p.sourceId}`);
          const prices = p.skus.map((s) => s.priceMinor);
          return {
            platform,
            sourceId: p.sourceId,
            sourceUrl: p.sourceUrl,
            slug: `item-${p.sourceId}`.slice(0, 160),
            titleZh: p.title,
            descriptionZh: p.description,
            attributesZh: p.attributes,
            categoryId,
            sellerId: sellerIds.get(p.seller.sourceId)!,
            priceMinMinor: Math.min(...prices),
            priceMaxMinor: Math.max(...prices),
            domesticShippingMinor: p.domesticShippingMinor,
            weightGrams: p.weightGrams,
            stockTotal: p.skus.reduce((n, s) => n + s.stock, 0),
            salesCount: p.salesCount,
            isActive: 1,
            sourceUpdatedAt: p.sourceUpdatedAt,
            syncedAt: now,
          };
        }),
      )
      .onDuplicateKeyUpdate({
        set: takeInserted(products, ['sourceUrl', 'titleZh', 'descriptionZh', 'attributesZh', 'categoryId', 'sellerId', 'priceMinMinor', 'priceMaxMinor', 'domesticShippingMinor', 'weightGrams', 'stockTotal', 'salesCount', 'isActive', 'sourceUpdatedAt', 'syncedAt']),
      });

    const rows = await tx.select({ id: products.id, sourceId: products.sourceId, slug: products.slug }).from(products).where(and(eq(products.platform, platform), inArray(products.sourceId, sourceIds)));
    const idOf = new Map(rows.map((r) => [r.sourceId, r.id]));
    const slugOf = new Map(rows.map((r) => [r.id, r.slug]));
    const ids = batch.map((p) => idOf.get(p.sourceId)!);

    // Readable slugs need the id: set them once the rows exist.
    const slugUpdates = batch.flatMap((p) => {
      const id = idOf.get(p.sourceId)!;
      const en = translations.get(p.sourceId)?.find((t) => t.locale === 'en');
      const slug = productSlug(en?.title ?? '', id);
      return slugOf.get(id) === slug ? [] : [{ id, slug }];
    });
    if (slugUpdates.length > 0) {
      const cases = sql.join(slugUpdates.map((u) => sql`when ${u.id} then ${u.slug}`), sql` `);
      await tx.update(products).set({ slug: sql`case ${products.id} ${cases} end` }).where(inArray(products.id, slugUpdates.map((u) => u.id)));
    }

    const existingIds = new Set(existing.map((e) => e.id));
    await writeSkus(tx, batch, idOf, now, existingIds);
    await writeImages(tx, batch, idOf);
    await writeTranslations(tx, batch, idOf, translations, now);
    await writeSearchTerms(tx, batch, idOf, translations);

    return { productIds: ids, created: ids.length - existing.length, updated: existing.length };
  });
}

async function writeSkus(tx: Database, batch: SourceProduct[], idOf: Map<string, number>, now: Date, existingIds: Set<number>) {
  const values = batch.flatMap((p) =>
    p.skus.map((s) => ({
      productId: idOf.get(p.sourceId)!,
      sourceSkuId: s.sourceSkuId,
      attributes: s.attributes,
      priceMinor: s.priceMinor,
      stock: s.stock,
      imagePosition: s.imageIndex,
      syncedAt: now,
    })),
  );
  for (let i = 0; i < values.length; i += 2000) {
    await tx
      .insert(skus)
      .values(values.slice(i, i + 2000))
      .onDuplicateKeyUpdate({ set: takeInserted(skus, ['attributes', 'priceMinor', 'stock', 'imagePosition', 'syncedAt']) });
  }
  // SKUs the upstream no longer lists leave the shadow (only products seen before can have any).
  const stale = batch
    .filter((p) => existingIds.has(idOf.get(p.sourceId)!))
    .map((p) => and(eq(skus.productId, idOf.get(p.sourceId)!), notInArray(skus.sourceSkuId, p.skus.map((s) => s.sourceSkuId))));
  if (stale.length > 0) await tx.delete(skus).where(or(...stale));
}

async function writeImages(tx: Database, batch: SourceProduct[], idOf: Map<string, number>) {
  const ids = batch.map((p) => idOf.get(p.sourceId)!);
  // An unchanged URL keeps its derivatives; a new or changed one goes (back) to pending. Decided
  // here rather than in SQL: upsert assignments run in column order (see takeInserted).
  const current = await tx
    .select({ productId: productImages.productId, position: productImages.position, sourceUrl: productImages.sourceUrl, status: productImages.status, storageKey: productImages.storageKey, width: productImages.width, height: productImages.height, error: productImages.error })
    .from(productImages)
    .where(inArray(productImages.productId, ids));
  const known = new Map(current.map((c) => [`${c.productId}:${c.position}`, c]));
  const values = batch.flatMap((p) =>
    p.images.map((url, position) => {
      const productId = idOf.get(p.sourceId)!;
      const before = known.get(`${productId}:${position}`);
      return before && before.sourceUrl === url
        ? { productId, position, sourceUrl: url, status: before.status, storageKey: before.storageKey, width: before.width, height: before.height, error: before.error }
        : { productId, position, sourceUrl: url, status: 'pending' as const, storageKey: null, width: null, height: null, error: null };
    }),
  );
  if (values.length > 0) {
    await tx
      .insert(productImages)
      .values(values)
      .onDuplicateKeyUpdate({ set: takeInserted(productImages, ['sourceUrl', 'status', 'storageKey', 'width', 'height', 'error']) });
  }
  const trimmed = batch.map((p) => and(eq(productImages.productId, idOf.get(p.sourceId)!), sql`${productImages.position} >= ${p.images.length}`));
  await tx.delete(productImages).where(or(...trimmed));
}

async function writeTranslations(tx: Database, batch: SourceProduct[], idOf: Map<string, number>, translations: Map<string, ProductTranslation[]>, now: Date) {
  const values = batch.flatMap((p) => {
    const productId = idOf.get(p.sourceId)!;
    const original = { productId, locale: 'zh-CN', title: p.title, description: p.description, attributes: {}, source: 'machine' as const, provider: 'original', translatedAt: now };
    return [original, ...(translations.get(p.sourceId) ?? []).map((t) => ({ productId, ...t, source: 'machine' as const, translatedAt: now }))];
  });
  const keep = (col: string) => sql.raw(`if(\`source\` = 'staff', \`${col}\`, values(\`${col}\`))`);
  await tx
    .insert(productTranslations)
    .values(values)
    .onDuplicateKeyUpdate({
      set: { title: keep('title'), description: keep('description'), attributes: keep('attributes'), provider: keep('provider'), translatedAt: keep('translated_at') },
    });
}

async function writeSearchTerms(tx: Database, batch: SourceProduct[], idOf: Map<string, number>, translations: Map<string, ProductTranslation[]>) {
  const ids = batch.map((p) => idOf.get(p.sourceId)!);
  await tx.delete(searchTerms).where(inArray(searchTerms.productId, ids));
  const values = batch.flatMap((p) => {
    const ts = translations.get(p.sourceId) ?? [];
    const attrs = [...p.attributes, ...p.skus.flatMap((s) => s.attributes)];
    const terms = indexTerms({
      zhTitle: p.title,
      zhAttributes: attrs.map((a) => a.value),
      translatedTitles: ts.map((t) => t.title),
      translatedAttributes: ts.flatMap((t) => Object.values(t.attributes)),
    });
    const productId = idOf.get(p.sourceId)!;
    return [...terms].map(([term, weight]) => ({ term, productId, weight }));
  });
  for (let i = 0; i < values.length; i += 5000) await tx.insert(searchTerms).values(values.slice(i, i + 5000));
}
