import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, productImages, products, productTranslations, skus } from '@/db/schema/catalog';
import { importProducts } from '@/lib/catalog/import/import-products';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import { createLocalStorage } from '@/lib/media/local-storage';
import { processPendingImages } from '@/lib/media/process-pending-images';
import { createTestDatabase } from '../support/test-database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const options = { translator: offlineProvider, locales: ['en', 'zh-CN', 'ja'] };

function offer(overrides: Partial<SourceProduct> = {}): SourceProduct {
  return {
    platform: '1688',
    sourceId: '612345678901',
    sourceUrl: 'https://detail.1688.com/offer/612345678901.html',
    title: '2025夏季新款纯棉短袖T恤女',
    description: null,
    attributes: [{ name: '材质', value: '纯棉' }],
    categorySlug: 'test-tops',
    seller: { sourceId: 'b2b-1000000001abcde', name: '义乌市佳禾服饰有限公司', location: '浙江 义乌', rating: 45 },
    images: ['https://img.example/a.png', 'https://img.example/b.png', 'https://img.example/c.png'],
    skus: [
      { sourceSkuId: '5000000000001', attributes: [{ name: '颜色', value: '黑色' }], priceMinor: 1990, stock: 10, imageIndex: 0 },
      { sourceSkuId: '5000000000002', attributes: [{ name: '颜色', value: '白色' }], priceMinor: 2190, stock: 0, imageIndex: 1 },
    ],
    weightGrams: 180,
    domesticShippingMinor: 500,
    salesCount: 12,
    sourceUpdatedAt: new Date('2026-11-01T00:00:00Z'),
    ...overrides,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_import');
  await handle.db.insert(categories).values({ slug: 'test-tops', nameZh: '上衣', path: '/1/' });
});
afterAll(async () => handle?.drop());

describe('importProducts', () => {
  it('creates a product with SKUs, prices, translations and a readable slug', async () => {
    const result = await importProducts(handle.db, [offer()], options);
    expect(result).toMatchObject({ created: 1, updated: 0 });
    const [p] = await handle.db.select().from(products);
    expect(p).toMatchObject({ priceMinMinor: 1990, priceMaxMinor: 2190, stockTotal: 10, weightGrams: 180 });
    expect(p!.slug).toMatch(/^[a-z0-9-]+-\d+$/);
    expect(p!.slug).toContain('t-shirt');
    const locales = (await handle.db.select({ locale: productTranslations.locale }).from(productTranslations)).map((t) => t.locale).sort();
    // The offline provider serves English only; zh-CN holds the original; ja falls back at read time.
    expect(locales).toEqual(['en', 'zh-CN']);
  });

  it('updates in place, drops SKUs the upstream removed and re-queues changed images only', async () => {
    const media = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), 'ferry-import-')));
    const png = (color: string) => sharp({ create: { width: 300, height: 300, channels: 3, background: color } }).png().toBuffer();
    const colors: Record<string, string> = { a: '#ff0000', b: '#00ff00', c: '#0000ff', d: '#ffff00' };
    const fetcher = async (url: string) => png(colors[url.slice(-5, -4)]!);
    expect(await processPendingImages(handle.db, media, fetcher)).toMatchObject({ processed: 3, failed: 0 });

    const next = offer({
      skus: [{ sourceSkuId: '5000000000001', attributes: [{ name: '颜色', value: '黑色' }], priceMinor: 1890, stock: 7, imageIndex: 0 }],
      images: ['https://img.example/a.png', 'https://img.example/d.png'],
    });
    expect(await importProducts(handle.db, [next], options)).toMatchObject({ created: 0, updated: 1 });
    const rows = await handle.db.select().from(skus);
    expect(rows.map((s) => [s.sourceSkuId, s.priceMinor, s.stock])).toEqual([['5000000000001', 1890, 7]]);
    const images = await handle.db.select().from(productImages).orderBy(productImages.position);
    expect(images.map((i) => [i.position, i.status])).toEqual([
      [0, 'ready'],
      [1, 'pending'],
    ]);
    expect(await processPendingImages(handle.db, media, fetcher)).toMatchObject({ processed: 1 });
    const [p] = await handle.db.select().from(products).where(eq(products.sourceId, '612345678901'));
    expect(p!.priceMinMinor).toBe(1890);
    expect((await handle.db.select().from(products)).length).toBe(1);
  });

  it('records image failures with their reason for staff', async () => {
    await importProducts(handle.db, [offer({ sourceId: '612345678902', images: ['https://img.example/broken.png'] })], options);
    const media = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), 'ferry-import-')));
    const result = await processPendingImages(handle.db, media, async () => {
      throw new Error('upstream answered 503');
    });
    expect(result.failed).toBe(1);
    const [failed] = await handle.db.select().from(productImages).where(eq(productImages.status, 'failed'));
    expect(failed!.error).toBe('upstream answered 503');
  });

  it('rejects a batch that mixes platforms and an unknown category, writing nothing', async () => {
    await expect(importProducts(handle.db, [offer(), offer({ platform: 'taobao' })], options)).rejects.toThrow(/one platform/);
    await expect(importProducts(handle.db, [offer({ sourceId: '612345678903', categorySlug: 'nope' })], options)).rejects.toThrow(/Unknown category/);
    expect((await handle.db.select().from(products).where(eq(products.sourceId, '612345678903'))).length).toBe(0);
  });
});
