import { randomBytes } from 'node:crypto';
import { stat, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, productImages, products } from '@/db/schema/catalog';
import { importProducts } from '@/lib/catalog/import/import-products';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import { countImagesByStatus } from '@/lib/media/count-images-by-status';
import { createImageFetcher } from '@/lib/media/fetch-original';
import { listFailedImages } from '@/lib/media/list-failed-images';
import { createLocalStorage } from '@/lib/media/local-storage';
import { processPendingImages } from '@/lib/media/process-pending-images';
import { retryFailedImages } from '@/lib/media/retry-failed-images';
import { runImagePipeline } from '@/lib/media/run-image-pipeline';
import { canonicalQuery, canonicalUri, computeSignature, parseAuthorization, sha256Hex } from '@/lib/media/s3-sigv4';
import { createS3Storage } from '@/lib/media/s3-storage';
import { startFlakyImageServer, type Fault, type FlakyImageServer } from '@/lib/media/testing/flaky-image-server';
import { createTestDatabase } from '../support/test-database';

const cdn = 'https://cbu01.alicdn.com';
const importOptions = { translator: offlineProvider, locales: ['en'] };
const cap = 4;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let server: FlakyImageServer;
let media: ReturnType<typeof createLocalStorage>;
const images = new Map<string, Buffer>();

// Transient faults by path and attempt; p1-1 needs all 3 retries. p1-4 is not served at all: 404.
const faultPlan: Record<string, (nth: number) => Fault> = {
  '/img/ibank/p0-1.jpg': (n) => (n <= 2 ? '503' : 'ok'),
  '/img/ibank/p0-2.jpg': (n) => (n <= 1 ? 'reset' : 'ok'),
  '/img/ibank/p0-3.jpg': (n) => (n <= 2 ? 'reset-mid-body' : 'ok'),
  '/img/ibank/p1-0.jpg': (n) => (n <= 1 ? '429' : 'ok'),
  '/img/ibank/p1-1.jpg': (n) => (n <= 3 ? '503' : 'ok'),
};
const missing = '/img/ibank/p1-4.jpg';

function product(i: number, imageNames = [0, 1, 2, 3, 4].map((j) => `p${i}-${j}`)): SourceProduct {
  return {
    platform: '1688',
    sourceId: `70000000000${i}`,
    sourceUrl: `https://detail.1688.com/offer/70000000000${i}.html`,
    title: `测试商品${i}号纯棉T恤`,
    description: null,
    attributes: [],
    categorySlug: 'test-images',
    seller: { sourceId: 'b2b-2000000001', name: '图片测试工厂', location: null, rating: null },
    images: imageNames.map((name) => `${cdn}/img/ibank/${name}.jpg`),
    skus: [{ sourceSkuId: `80000000000${i}`, attributes: [], priceMinor: 1000, stock: 5, imageIndex: 0 }],
    weightGrams: 100,
    domesticShippingMinor: 0,
    salesCount: 0,
    sourceUpdatedAt: null,
  };
}
const catalog = () => [0, 1, 2, 3, 4, 5].map((i) => product(i));

/** The production wiring, pointed at the local flaky CDN with a short backoff. */
const runPipeline = () =>
  runImagePipeline(handle.db, {
    storage: media,
    fetcher: { concurrency: cap, bytesPerSecond: null, baseDelayMs: 5, timeoutMs: 2000, rewriteUrl: (url) => url.replace(cdn, server.origin), trustedBases: [server.origin] },
  });

const jpeg = (seed: number) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 } } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_images');
  await handle.db.insert(categories).values({ slug: 'test-images', nameZh: '图片', path: '/1/' });
  let seed = 1;
  for (let i = 0; i < 6; i += 1) for (let j = 0; j < 5; j += 1) images.set(`/img/ibank/p${i}-${j}.jpg`, await jpeg(seed++));
  images.set('/img/ibank/p0-0-v2.jpg', await jpeg(seed++));
  images.delete(missing);
  server = await startFlakyImageServer({ images, holdMs: 15, faults: (p, n) => faultPlan[p]?.(n) ?? 'ok' });
  media = createLocalStorage(await mkdtemp(path.join(os.tmpdir(), 'ferry-images-')));
  await importProducts(handle.db, catalog(), importOptions);
});
afterAll(async () => {
  await server?.close();
  await handle?.drop();
});

describe('image pipeline', () => {
  it('recovers every transient failure, reports the permanent one and never exceeds the cap', async () => {
    const result = await runPipeline();
    expect(result).toMatchObject({ processed: 29, failed: 1, fetched: 30 });

    const rows = await handle.db.select().from(productImages);
    const ready = rows.filter((r) => r.status === 'ready');
    expect(ready).toHaveLength(29);
    for (const row of ready) {
      for (const size of [200, 800] as const) expect((await stat(media.fileFor(row.storageKey!, size))).size).toBeGreaterThan(0);
    }
    const sample = await sharp(media.fileFor(ready[0]!.storageKey!, 200)).metadata();
    expect([sample.format, sample.width, sample.height]).toEqual(['webp', 200, 200]);

    const stats = server.stats();
    expect(stats.peakActive).toBeLessThanOrEqual(cap);
    expect(stats.peakActive).toBe(cap);
    expect(stats.byPath.get('/img/ibank/p1-1.jpg')).toBe(4);
    expect(stats.byPath.get(missing)).toBe(1);
    expect(result.download).toMatchObject({ retries: 9, failed: 1, succeeded: 29, peakActive: cap });

    const failed = await listFailedImages(handle.db);
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({ sourceUrl: `${cdn}${missing}`, error: 'HTTP 404 Not Found', productTitle: '测试商品1号纯棉T恤', position: 4 });
    expect(await countImagesByStatus(handle.db)).toEqual({ pending: 0, ready: 29, failed: 1 });
  });

  it('puts failed images back to pending on retry', async () => {
    expect(await retryFailedImages(handle.db, [])).toBe(0);
    const readyIds = (await handle.db.select({ id: productImages.id }).from(productImages).where(eq(productImages.status, 'ready'))).map((r) => r.id);
    expect(await retryFailedImages(handle.db, readyIds)).toBe(0);
    expect(await retryFailedImages(handle.db)).toBe(1);
    expect(await countImagesByStatus(handle.db)).toEqual({ pending: 1, ready: 29, failed: 0 });
    const [row] = await handle.db.select().from(productImages).where(eq(productImages.status, 'pending'));
    expect(row).toMatchObject({ sourceUrl: `${cdn}${missing}`, error: null });

    server.resetStats();
    expect(await runPipeline()).toMatchObject({ processed: 0, failed: 1, fetched: 1 });
    expect(server.stats().requests).toBe(1);
  });

  it('re-syncs incrementally: unchanged URLs fetch nothing, a changed URL is fetched again', async () => {
    server.resetStats();
    await importProducts(handle.db, catalog(), importOptions);
    expect(await runPipeline()).toMatchObject({ processed: 0, failed: 0, fetched: 0 });
    expect(server.stats().requests).toBe(0);

    const [before] = await handle.db.select().from(productImages).where(eq(productImages.sourceUrl, `${cdn}/img/ibank/p0-0.jpg`));
    await importProducts(handle.db, [product(0, ['p0-0-v2', 'p0-1', 'p0-2', 'p0-3', 'p0-4'])], importOptions);
    expect(await runPipeline()).toMatchObject({ processed: 1, fetched: 1 });
    expect([...server.stats().byPath]).toEqual([['/img/ibank/p0-0-v2.jpg', 1]]);
    const [after] = await handle.db.select().from(productImages).where(eq(productImages.id, before!.id));
    expect(after).toMatchObject({ status: 'ready', sourceUrl: `${cdn}/img/ibank/p0-0-v2.jpg` });
    expect(after!.storageKey).not.toBe(before!.storageKey);
  });

  it("derives only the named products' images, and at most maxRows rows a run", async () => {
    await importProducts(handle.db, [product(0, ['p2-0', 'p2-1']), product(1, ['p3-0', 'p3-1', 'p3-2'])], importOptions);
    const ids = await handle.db.select({ id: products.id, sourceId: products.sourceId }).from(products);
    const first = ids.find((p) => p.sourceId === product(0).sourceId)!.id;
    const second = ids.find((p) => p.sourceId === product(1).sourceId)!.id;
    const pendingOf = async (productId: number) =>
      (await handle.db.select({ status: productImages.status }).from(productImages).where(eq(productImages.productId, productId))).filter((r) => r.status === 'pending').length;
    expect(await pendingOf(first)).toBe(2);
    expect(await pendingOf(second)).toBe(3);

    const only = await runImagePipeline(handle.db, {
      storage: media,
      productIds: [first],
      fetcher: { concurrency: cap, bytesPerSecond: null, baseDelayMs: 5, rewriteUrl: (url) => url.replace(cdn, server.origin), trustedBases: [server.origin] },
    });
    expect(only.processed).toBe(2);
    expect(await pendingOf(first)).toBe(0);
    expect(await pendingOf(second)).toBe(3);

    const bounded = await runImagePipeline(handle.db, { storage: media, maxRows: 2, fetcher: { bytesPerSecond: null, rewriteUrl: (url) => url.replace(cdn, server.origin), trustedBases: [server.origin] } });
    expect(bounded.processed).toBe(2);
    expect(await pendingOf(second)).toBe(1);
    await importProducts(handle.db, catalog(), importOptions);
    await runPipeline();
  });

  it('holds the bandwidth cap: 2 MB at 1 MB/s takes about 2 s', async () => {
    const blobs = new Map([0, 1].map((i) => [`/blob-${i}.bin`, randomBytes(1_000_000)] as const));
    const blobServer = await startFlakyImageServer({ images: blobs });
    try {
      const fetcher = createImageFetcher({ bytesPerSecond: 1_000_000, trustedBases: [blobServer.origin] });
      const started = performance.now();
      const bodies = await Promise.all([...blobs.keys()].map((p) => fetcher.fetch(`${blobServer.origin}${p}`)));
      const seconds = (performance.now() - started) / 1000;
      expect(bodies.map((b) => b.length)).toEqual([1_000_000, 1_000_000]);
      // The first 100 KB pass as the bucket's burst; the rest at 1 MB/s.
      expect(seconds).toBeGreaterThanOrEqual(1.8);
      expect(seconds).toBeLessThan(3);
    } finally {
      await blobServer.close();
    }
  });

  it('stores derivatives in an S3-compatible bucket with SigV4-signed requests', async () => {
    const s3 = await startS3Receiver('s3-test-secret');
    try {
      await importProducts(handle.db, [product(6, ['p5-0', 'p5-1'])], importOptions);
      const config = { endpoint: s3.origin, bucket: 'ferry-media', region: 'eu-central-1', accessKeyId: 'AKIAFERRYTEST' };
      const wrongKey = createS3Storage({ ...config, secretAccessKey: 'not-the-secret' });
      const fetcher = createImageFetcher({ bytesPerSecond: null, rewriteUrl: (url) => url.replace(cdn, server.origin), trustedBases: [server.origin] });
      expect(await processPendingImages(handle.db, wrongKey, fetcher.fetch)).toMatchObject({ processed: 0, failed: 2 });
      const failed = await listFailedImages(handle.db);
      expect(failed.items.map((i) => i.error)).toContain('storage: S3 PUT answered 403 SignatureDoesNotMatch');
      expect(s3.objects.size).toBe(0);

      const ids = failed.items.filter((i) => i.productTitle.startsWith('测试商品6')).map((i) => i.id);
      expect(await retryFailedImages(handle.db, ids)).toBe(2);
      const storage = createS3Storage({ ...config, secretAccessKey: 's3-test-secret' });
      expect(await processPendingImages(handle.db, storage, fetcher.fetch)).toMatchObject({ processed: 2, failed: 0 });
      // p5-0 and p5-1 were already derived for product 5: same content, same keys, four objects.
      expect([...s3.objects.keys()].every((k) => /^ferry-media\/[0-9a-f]{2}\/[0-9a-f]{32}-(200|800)\.webp$/.test(k))).toBe(true);
      expect(s3.objects.size).toBe(4);
      const rows = await handle.db.select().from(productImages).where(inArray(productImages.id, ids));
      const body = await storage.read(rows[0]!.storageKey!, 800);
      expect(body?.equals(s3.objects.get(`ferry-media/${rows[0]!.storageKey!.slice(0, 2)}/${rows[0]!.storageKey}-800.webp`)!.body)).toBe(true);
      expect(await storage.read('0'.repeat(32), 200)).toBeNull();
      expect([...s3.objects.values()].every((o) => o.contentType === 'image/webp')).toBe(true);
    } finally {
      await s3.close();
    }
  });
});

/** A minimal S3 endpoint: verifies each request's SigV4 signature with its secret, keeps objects in memory. */
async function startS3Receiver(secret: string) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const s3Error = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`;
  const srv = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const auth = parseAuthorization(req.headers.authorization ?? '');
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    const [day, region, service] = auth?.scope.split('/') ?? [];
    const signed = Object.fromEntries((auth?.signedHeaders ?? []).map((h) => [h, String(req.headers[h] ?? '')]));
    const expected =
      auth && region && service
        ? computeSignature({ method: req.method ?? 'GET', canonicalUri: canonicalUri(url.pathname), canonicalQuery: canonicalQuery(url.searchParams), headers: signed, payloadHash, amzDate, credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: secret, region, service } }).signature
        : null;
    const isValid = expected === auth?.signature && day === amzDate.slice(0, 8) && payloadHash === sha256Hex(body) && ['host', 'x-amz-date', 'x-amz-content-sha256'].every((h) => h in signed);
    if (!isValid) return void res.writeHead(403, { 'content-type': 'application/xml' }).end(s3Error('SignatureDoesNotMatch'));
    const key = decodeURIComponent(url.pathname.slice(1));
    if (req.method === 'PUT') {
      objects.set(key, { body, contentType: String(req.headers['content-type']) });
      return void res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
    }
    const object = objects.get(key);
    if (req.method !== 'GET' || !object) return void res.writeHead(404, { 'content-type': 'application/xml' }).end(s3Error('NoSuchKey'));
    res.writeHead(200, { 'content-type': object.contentType, 'content-length': String(object.body.length) }).end(object.body);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    objects,
    close: () => new Promise<void>((resolve) => srv.close(() => resolve())),
  };
}
