import 'server-only';
import { count, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { categories, categoryTranslations, products } from '@/db/schema/catalog';
import { fxRates } from '@/db/schema/fx';
import { takeInserted } from '@/db/upsert';
import { demoCategoryTree, generateOffers, renderDemoImage, type DemoCategory } from '@/lib/catalog/demo';
import { importProducts } from '@/lib/catalog/import/import-products';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import { locales } from '@/lib/i18n/locales';
import { createLocalStorage } from '@/lib/media/local-storage';
import { processPendingImages } from '@/lib/media/process-pending-images';
import { refreshRates } from '@/lib/fx/refresh';
import { snapshotProvider } from '@/lib/fx/snapshot';
import { toSourceProduct } from '@/lib/catalog/demo/to-source-product';
import { seedLabelSender } from './label-sender';
import { seedShippingLines } from './shipping-lines';

export type SeedOptions = {
  count: number;
  force?: boolean;
  seed?: string;
  mediaDir: string;
  /** Defaults to the offline provider; the CLI passes the one TRANSLATION_PROVIDER selects. */
  translator?: TranslationProvider;
  log?: (line: string) => void;
  batchSize?: number;
};

/**
 * Loads the demo catalog through the same import the connectors use: categories (hand-written
 * names in every locale), deterministic 1688-style offers, machine translations, search terms,
 * WebP images; then exchange rates from the bundled snapshot, the demo shipping lines and the labels' sender. A second
 * run finds the data and keeps it.
 */
export async function seedDemo(db: Database, options: SeedOptions) {
  const log = options.log ?? (() => undefined);
  const translator = options.translator ?? offlineProvider;
  const started = Date.now();
  await seedCategories(db);

  const [existing] = await db.select({ n: count() }).from(products);
  let imported = 0;
  if ((existing?.n ?? 0) >= options.count && !options.force) {
    log(`catalog: ${existing?.n} products already present, kept`);
  } else {
    const batchSize = options.batchSize ?? 250;
    let batch: SourceProduct[] = [];
    for (const offer of generateOffers({ count: options.count, seed: options.seed })) {
      batch.push(toSourceProduct(offer));
      if (batch.length === batchSize) {
        imported += (await importProducts(db, batch, { translator, locales })).productIds.length;
        batch = [];
        log(`catalog: ${imported}/${options.count} products`);
      }
    }
    if (batch.length) imported += (await importProducts(db, batch, { translator, locales })).productIds.length;
    log(`catalog: ${imported} products imported in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const images = await processPendingImages(db, createLocalStorage(options.mediaDir), async (url) => {
    const image = await renderDemoImage(url);
    if (!image) throw new Error(`not a demo image: ${url}`);
    return image;
  });
  log(`images: ${images.processed} ready, ${images.failed} failed`);

  const [rates] = await db.select({ n: count() }).from(fxRates);
  const fx = (rates?.n ?? 0) === 0 ? await refreshRates(db, snapshotProvider()) : null;
  if (fx) log('fx: snapshot rates stored');

  const shipping = await seedShippingLines(db);
  if (shipping.inserted) log(`shipping: ${shipping.inserted} demo lines added`);
  if ((await seedLabelSender(db)) > 0) log('settings: the demo warehouse set as the labels’ sender');

  return { imported, images, fxRefreshed: fx !== null, shippingLines: shipping.inserted, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

export async function seedCategories(db: Database) {
  const rows: { category: DemoCategory; parentSlug: string | null; depth: number; order: number }[] = [];
  demoCategoryTree.forEach((top, i) => {
    rows.push({ category: top, parentSlug: null, depth: 0, order: i });
    top.children.forEach((child, j) => rows.push({ category: child, parentSlug: top.slug, depth: 1, order: j }));
  });
  for (const row of rows) {
    await db
      .insert(categories)
      .values({ slug: row.category.slug, nameZh: row.category.nameZh, path: '/', depth: row.depth, sortOrder: row.order })
      .onDuplicateKeyUpdate({ set: { nameZh: row.category.nameZh, sortOrder: row.order, depth: row.depth } });
  }
  // Parents and materialised paths, once every row has its id.
  const all = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  const idOf = new Map(all.map((c) => [c.slug, c.id]));
  for (const row of rows) {
    const id = idOf.get(row.category.slug)!;
    const parentId = row.parentSlug ? idOf.get(row.parentSlug)! : null;
    await db
      .update(categories)
      .set({ parentId, path: parentId ? `/${parentId}/${id}/` : `/${id}/` })
      .where(sql`${categories.id} = ${id}`);
    const names = Object.entries(row.category.names).map(([locale, name]) => ({ categoryId: id, locale, name, source: 'staff' as const }));
    // The seed's names are the hand-written demo labels: a re-seed restores them.
    await db.insert(categoryTranslations).values(names).onDuplicateKeyUpdate({ set: takeInserted(categoryTranslations, ['name']) });
  }
}
