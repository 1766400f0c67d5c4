import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, categoryTranslations, productImages, products, productTranslations, searchTerms, skus } from '@/db/schema/catalog';
import { fxRates } from '@/db/schema/fx';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/lib/demo/seed';
import { createTestDatabase } from '../support/test-database';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let mediaDir: string;

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_seed');
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-media-'));
});
afterAll(async () => handle?.drop());

describe('migrations on an empty database', () => {
  it('creates every table, and a second run changes nothing', async () => {
    const tables = async () =>
      (await handle.db.execute(sql`select table_name as name from information_schema.tables where table_schema = database() order by table_name`))[0] as unknown as { name: string }[];
    const before = (await tables()).map((t) => t.name);
    expect(before).toEqual(expect.arrayContaining(['categories', 'category_translations', 'fx_rates', 'product_images', 'product_translations', 'products', 'search_terms', 'sellers', 'skus']));
    await migrateDatabase(handle.url);
    expect((await tables()).map((t) => t.name)).toEqual(before);
  });
});

describe('seeding the demo catalog', () => {
  it('loads products with SKUs, images, translations, search terms and rates', async () => {
    const result = await seedDemo(handle.db, { count: 40, mediaDir, batchSize: 15 });
    expect(result.imported).toBe(40);
    expect(result.images.failed).toBe(0);
    expect(result.fxRefreshed).toBe(true);

    const one = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
    expect(await one(handle.db.select({ n: count() }).from(products))).toBe(40);
    const topLevel = await one(handle.db.select({ n: count() }).from(categories).where(eq(categories.depth, 0)));
    expect(topLevel).toBeGreaterThanOrEqual(12);
    // Hand-written category names exist for all ten locales.
    const perCategory = await handle.db.select({ id: categoryTranslations.categoryId, n: count() }).from(categoryTranslations).groupBy(categoryTranslations.categoryId);
    expect(perCategory.every((c) => c.n === 10)).toBe(true);
    const skuCounts = await handle.db.select({ id: skus.productId, n: count() }).from(skus).groupBy(skus.productId);
    expect(skuCounts).toHaveLength(40);
    expect(skuCounts.every((s) => s.n >= 1 && s.n <= 30)).toBe(true);
    const images = await handle.db.select({ status: productImages.status, key: productImages.storageKey }).from(productImages);
    expect(images.length).toBeGreaterThanOrEqual(40 * 3);
    expect(images.every((i) => i.status === 'ready' && i.key)).toBe(true);
    const files = await readdir(path.join(mediaDir, images[0]!.key!.slice(0, 2)));
    expect(files).toEqual(expect.arrayContaining([`${images[0]!.key}-200.webp`, `${images[0]!.key}-800.webp`]));
    // English titles are readable: no Chinese characters left.
    const english = await handle.db.select({ title: productTranslations.title }).from(productTranslations).where(eq(productTranslations.locale, 'en'));
    expect(english).toHaveLength(40);
    const withChinese = english.filter((t) => /[\u4e00-\u9fff]/.test(t.title));
    expect(withChinese.length).toBeLessThanOrEqual(2);
    expect(await one(handle.db.select({ n: count() }).from(searchTerms))).toBeGreaterThan(40 * 5);
    expect(await one(handle.db.select({ n: count() }).from(fxRates))).toBeGreaterThanOrEqual(9);
    // Readable slugs ending in the id.
    const slugs = await handle.db.select({ id: products.id, slug: products.slug }).from(products);
    expect(slugs.every((s) => s.slug.endsWith(`-${s.id}`) && /^[a-z0-9-]+$/.test(s.slug))).toBe(true);
  });

  it('keeps the data on a second run and re-imports idempotently when forced', async () => {
    const again = await seedDemo(handle.db, { count: 40, mediaDir });
    expect(again.imported).toBe(0);
    const forced = await seedDemo(handle.db, { count: 40, mediaDir, force: true });
    expect(forced.imported).toBe(40);
    const [row] = await handle.db.select({ n: count() }).from(products);
    expect(row!.n).toBe(40);
    const dupes = await handle.db.execute(sql`select product_id, source_sku_id, count(*) c from skus group by product_id, source_sku_id having c > 1`);
    expect((dupes[0] as unknown as unknown[]).length).toBe(0);
  });

  it('never overwrites a staff translation on re-import', async () => {
    const [first] = await handle.db.select({ id: products.id }).from(products).limit(1);
    await handle.db
      .update(productTranslations)
      .set({ title: 'Staff title', source: 'staff' })
      .where(sql`${productTranslations.productId} = ${first!.id} and ${productTranslations.locale} = 'en'`);
    await seedDemo(handle.db, { count: 40, mediaDir, force: true });
    const [row] = await handle.db
      .select({ title: productTranslations.title })
      .from(productTranslations)
      .where(sql`${productTranslations.productId} = ${first!.id} and ${productTranslations.locale} = 'en'`);
    expect(row!.title).toBe('Staff title');
  });
});
