import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, skus } from '@/db/schema/catalog';
import { seedDemo } from '@/lib/demo/seed';
import { descendantIds, getCategoryTree } from '@/lib/catalog/queries/get-category-tree';
import { getProductDetail } from '@/lib/catalog/queries/get-product-detail';
import { listProducts } from '@/lib/catalog/queries/list-products';
import { searchProducts } from '@/lib/catalog/queries/search-products';
import { queryCount } from '@/db/query-stats';
import { getLatestRates } from '@/lib/fx/store';
import { createTestDatabase } from '../support/test-database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_catalog');
  await seedDemo(handle.db, { count: 80, mediaDir: await mkdtemp(path.join(os.tmpdir(), 'ferry-media-')) });
});
afterAll(async () => handle?.drop());

async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; queries: number }> {
  const before = queryCount();
  const value = await fn();
  return { value, queries: queryCount() - before };
}

describe('product detail', () => {
  it('loads a whole product page’s data in one query, and the page on a cold cache in three', async () => {
    const [first] = await handle.db.select({ id: products.id }).from(products).limit(1);
    const { value: product, queries } = await counted(() => getProductDetail(handle.db, first!.id, 'en'));
    expect(queries).toBe(1);
    expect(product!.skus.length).toBeGreaterThanOrEqual(1);
    expect(product!.images.length).toBeGreaterThanOrEqual(3);
    expect(product!.titleLang).toEqual({ lang: 'en', isFallback: false });
    expect(product!.title).not.toMatch(/[\u4e00-\u9fff]{2}/);
    const skuRows = await handle.db.select({ id: skus.id }).from(skus).where(eq(skus.productId, first!.id));
    expect(product!.skus.map((s) => s.id).sort()).toEqual(skuRows.map((s) => s.id).sort());
    expect(product!.skus[0]!.attributes[0]).toHaveProperty('name');

    // Everything a product page reads on a cold cache: the product, the category tree, the rates.
    const page = await counted(() => Promise.all([getProductDetail(handle.db, first!.id, 'ja'), getCategoryTree(handle.db, 'ja'), getLatestRates(handle.db)]));
    expect(page.queries).toBeLessThanOrEqual(3);
  });

  it('falls back to English, and says so, where a locale has no translation', async () => {
    const [first] = await handle.db.select({ id: products.id }).from(products).limit(1);
    const es = await getProductDetail(handle.db, first!.id, 'es');
    expect(es!.titleLang).toEqual({ lang: 'en', isFallback: true });
    const zh = await getProductDetail(handle.db, first!.id, 'zh-CN');
    expect(zh!.titleLang).toEqual({ lang: 'zh-CN', isFallback: false });
    expect(zh!.title).toBe(zh!.titleZh);
  });

  it('returns null for unknown or inactive products', async () => {
    expect(await getProductDetail(handle.db, 99_999_999, 'en')).toBeNull();
    const [p] = await handle.db.select({ id: products.id }).from(products).limit(1);
    await handle.db.update(products).set({ isActive: 0 }).where(eq(products.id, p!.id));
    expect(await getProductDetail(handle.db, p!.id, 'en')).toBeNull();
    await handle.db.update(products).set({ isActive: 1 }).where(eq(products.id, p!.id));
  });
});

describe('listing', () => {
  it('includes subcategories, filters by price and sorts', async () => {
    const tree = await getCategoryTree(handle.db, 'en');
    const root = tree.roots.map((id) => tree.byId[id]!).find((c) => c.childIds.length > 0)!;
    const all = await listProducts(handle.db, { categoryIds: descendantIds(tree, root.id), sort: 'price-asc', page: 1, pageSize: 100 }, 'en');
    const own = await listProducts(handle.db, { categoryIds: [root.id], sort: 'price-asc', page: 1, pageSize: 100 }, 'en');
    expect(all.total).toBeGreaterThanOrEqual(own.total);
    const prices = all.items.map((i) => i.priceMinMinor);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const everything = await listProducts(handle.db, { sort: 'price-desc', page: 1, pageSize: 100 }, 'en');
    const desc = everything.items.map((i) => i.priceMinMinor);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const median = desc[Math.floor(desc.length / 2)]!;
    const cheap = await listProducts(handle.db, { maxPriceMinor: median, sort: 'popular', page: 1, pageSize: 100 }, 'en');
    expect(cheap.total).toBeGreaterThan(0);
    expect(cheap.items.every((i) => i.priceMinMinor <= median)).toBe(true);

    const page2 = await listProducts(handle.db, { sort: 'newest', page: 2, pageSize: 10 }, 'en');
    const page1 = await listProducts(handle.db, { sort: 'newest', page: 1, pageSize: 10 }, 'en');
    expect(page2.items).toHaveLength(10);
    expect(page2.items.map((i) => i.id)).not.toEqual(expect.arrayContaining(page1.items.map((i) => i.id).slice(0, 1)));
  });
});

describe('keyword search', () => {
  it('finds a product by a Chinese word of its title and by its English translation', async () => {
    const [p] = await handle.db.select({ id: products.id }).from(products).limit(1);
    const detail = await getProductDetail(handle.db, p!.id, 'en');
    const zhWord = (await import('@/lib/catalog/search-text')).queryTerms(detail!.titleZh).find((t) => /[\u4e00-\u9fff]{2,}/.test(t))!;
    const byZh = await searchProducts(handle.db, zhWord, 'en', 1, 100);
    expect(byZh.items.map((i) => i.id)).toContain(p!.id);

    const enWord = detail!.title.split(/\s+/).map((w) => w.toLowerCase().replace(/[^a-z]/g, '')).find((w) => w.length >= 5)!;
    const byEn = await searchProducts(handle.db, enWord, 'en', 1, 100);
    expect(byEn.items.map((i) => i.id)).toContain(p!.id);
    expect(byEn.total).toBeGreaterThanOrEqual(byEn.items.length);
  });

  it('looks terms up by index, not by scanning', async () => {
    const [plan] = (await handle.db.execute(sql`explain select product_id from search_terms where term in ('连衣裙', 'dress') group by product_id`)) as unknown as [{ key: string | null; type: string }[]];
    expect(plan[0]!.key).toBe('PRIMARY');
    expect(plan[0]!.type).not.toBe('ALL');
  });

  it('returns nothing for an empty or unknown query', async () => {
    expect((await searchProducts(handle.db, '   ', 'en', 1, 20)).total).toBe(0);
    expect((await searchProducts(handle.db, 'zzqxv', 'en', 1, 20)).total).toBe(0);
  });
});
