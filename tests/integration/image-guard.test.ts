import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, productImages } from '@/db/schema/catalog';
import { importProducts } from '@/lib/catalog/import/import-products';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import { createLocalStorage } from '@/lib/media/local-storage';
import { pixelBombPng } from '@/lib/media/testing/pixel-bomb';
import { deriveSupplierImages } from '@/lib/suppliers/derive-supplier-images';
import { createTestDatabase } from '../support/test-database';

// The production wiring (deriveSupplierImages): alicdn URLs go to ALIBABA_1688_CDN_URL, a stand-in
// CDN on this machine that is trusted as such; everything it redirects to, and every other URL, must
// be on IMAGE_HOSTS (the default marketplace CDNs) and resolve to public addresses.
const alicdn = 'https://cbu01.alicdn.com';
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let internal: Server;
let cdn: Server;
let internalHits = 0;
const savedCdnUrl = process.env.ALIBABA_1688_CDN_URL;

const urls = {
  ok: `${alicdn}/img/ibank/ok.jpg`,
  toLoopback: `${alicdn}/img/ibank/to-loopback.jpg`,
  toMetadata: `${alicdn}/img/ibank/to-metadata.jpg`,
  toMappedLoopback: `${alicdn}/img/ibank/to-mapped.jpg`,
  offList: 'http://intranet.corp.example/logo.jpg',
  lookalike: 'https://cbu01.alicdn.com.evil.example/a.jpg',
  bomb: `${alicdn}/img/ibank/bomb.png`,
};

function product(images: string[]): SourceProduct {
  return {
    platform: '1688',
    sourceId: '710000000001',
    sourceUrl: 'https://detail.1688.com/offer/710000000001.html',
    title: '图片安全测试商品',
    description: null,
    attributes: [],
    categorySlug: 'test-image-guard',
    seller: { sourceId: 'b2b-2000000009', name: '测试工厂', location: null, rating: null },
    images,
    skus: [{ sourceSkuId: '810000000001', attributes: [], priceMinor: 1000, stock: 5, imageIndex: 0 }],
    weightGrams: 100,
    domesticShippingMinor: 0,
    salesCount: 0,
    sourceUpdatedAt: null,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_image_guard');
  await handle.db.insert(categories).values({ slug: 'test-image-guard', nameZh: '图片安全', path: '/1/' });
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer();
  const bomb = pixelBombPng(8000, 6000);
  // What an attacker wants reached: something only this machine can see (an admin page, metadata…). It even serves a valid image.
  internal = createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  const internalPort = (internal.address() as AddressInfo).port;
  cdn = createServer((req, res) => {
    const redirects: Record<string, string> = {
      '/img/ibank/to-loopback.jpg': `http://127.0.0.1:${internalPort}/secret.jpg`,
      '/img/ibank/to-metadata.jpg': 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      '/img/ibank/to-mapped.jpg': `http://[::ffff:127.0.0.1]:${internalPort}/secret.jpg`,
    };
    const target = redirects[req.url ?? ''];
    if (target) return void res.writeHead(302, { location: target }).end();
    if (req.url === '/img/ibank/bomb.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(bomb);
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
  });
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  process.env.ALIBABA_1688_CDN_URL = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  await importProducts(handle.db, [product(Object.values(urls))], { translator: offlineProvider, locales: ['en'] });
});

afterAll(async () => {
  if (savedCdnUrl === undefined) delete process.env.ALIBABA_1688_CDN_URL;
  else process.env.ALIBABA_1688_CDN_URL = savedCdnUrl;
  for (const server of [internal, cdn]) await new Promise<void>((resolve) => server?.close(() => resolve()));
  await handle?.drop();
});

describe('image downloads cannot be pointed inward', () => {
  it('derives the real image and refuses inward redirects, hosts off the list and a decompression bomb, reaching nothing inside', async () => {
    const storage = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), 'ferry-image-guard-')));
    const run = await deriveSupplierImages(handle.db, { storage, fetcher: { bytesPerSecond: null, baseDelayMs: 5, retries: 1 } });
    expect(run).toMatchObject({ processed: 1, failed: 6 });

    const rows = await handle.db.select({ url: productImages.sourceUrl, status: productImages.status, error: productImages.error }).from(productImages);
    const byUrl = Object.fromEntries(rows.map((r) => [r.url, r]));
    expect(byUrl[urls.ok]).toMatchObject({ status: 'ready', error: null });
    expect(byUrl[urls.toLoopback]).toMatchObject({ status: 'failed', error: 'refused: host 127.0.0.1 is not an allowed image host (IMAGE_HOSTS)' });
    expect(byUrl[urls.toMetadata]).toMatchObject({ status: 'failed', error: 'refused: host 169.254.169.254 is not an allowed image host (IMAGE_HOSTS)' });
    expect(byUrl[urls.toMappedLoopback]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^refused: host \[::ffff:7f00:1\] is not an allowed image host/) });
    expect(byUrl[urls.offList]).toMatchObject({ status: 'failed', error: 'refused: host intranet.corp.example is not an allowed image host (IMAGE_HOSTS)' });
    expect(byUrl[urls.lookalike]).toMatchObject({ status: 'failed', error: 'refused: host cbu01.alicdn.com.evil.example is not an allowed image host (IMAGE_HOSTS)' });
    expect(byUrl[urls.bomb]).toMatchObject({ status: 'failed', error: 'too large: 8000 × 6000 pixels, over the 40 MP limit' });
    // Refusals are final: nothing retried, and nothing on the inside was ever asked.
    expect(run.download.retries).toBe(0);
    expect(internalHits).toBe(0);
  });
});
