import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from '@upstash/redis';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productImages, products, productTranslations, skus } from '@/db/schema/catalog';
import { seedDemo } from '@/lib/demo/seed';
import { createLimiter } from '@/lib/auth/rate-limit';
import { DEFAULT_DEMO_SEED } from '@/lib/catalog/demo/offers';
import { AppError } from '@/lib/errors';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import { createLocalStorage } from '@/lib/media/local-storage';
import { importProductLink, type ImportLinkOptions } from '@/lib/catalog/import/import-product-link';
import { resetConnectors } from '@/lib/suppliers/registry';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from '@/sandboxes/alibaba-1688/sandbox';
import { startBridge, uniqueClientName } from '@/sandboxes/upstash-bridge/bridge';
import { createTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SEEDED = 2;
const keys = { appKey: '8068168', appSecret: 'link-import-test-secret', refreshToken: 'link-import-test-refresh-token' };

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: Alibaba1688Sandbox;
let mediaDir: string;
let options: ImportLinkOptions;
const savedEnv: Record<string, string | undefined> = {};

/** The sandbox's n-th offer: the same generator as the seed, so offers below SEEDED are in the catalog already. */
const offer = (n: number) => sandbox.world.live(n).offer;

async function control(pathname: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, pathname).toBe(200);
}

async function rowsFor(sourceId: string) {
  const rows = await handle.db.select({ id: products.id, slug: products.slug }).from(products).where(and(eq(products.platform, '1688'), eq(products.sourceId, sourceId)));
  const skuRows = rows.length ? await handle.db.select({ sourceSkuId: skus.sourceSkuId, priceMinor: skus.priceMinor }).from(skus).where(eq(skus.productId, rows[0]!.id)) : [];
  return { products: rows, skus: skuRows };
}

async function totalProducts(): Promise<number> {
  const [row] = await handle.db.select({ n: count() }).from(products);
  return row!.n;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** `ferry product import …` as an operator runs it, against the test database and the sandbox. */
async function ferry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: handle.url,
        MEDIA_DIR: mediaDir,
        SITE_URL: 'https://shop.example',
        UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9',
        ALIBABA_1688_BASE_URL: sandbox.url,
        ALIBABA_1688_CDN_URL: sandbox.url,
        ALIBABA_1688_APP_KEY: keys.appKey,
        ALIBABA_1688_APP_SECRET: keys.appSecret,
        ALIBABA_1688_REFRESH_TOKEN: keys.refreshToken,
      },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_link_import');
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-link-import-'));
  await seedDemo(handle.db, { count: SEEDED, mediaDir });
  sandbox = await startAlibaba1688Sandbox({ ...keys, offers: 50, seed: DEFAULT_DEMO_SEED, rate: 1000, tokenTtlSeconds: 3600, pushUrl: null });
  const env = {
    ALIBABA_1688_BASE_URL: sandbox.url,
    ALIBABA_1688_CDN_URL: sandbox.url,
    ALIBABA_1688_APP_KEY: keys.appKey,
    ALIBABA_1688_APP_SECRET: keys.appSecret,
    ALIBABA_1688_REFRESH_TOKEN: keys.refreshToken,
  };
  for (const [name, value] of Object.entries(env)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  resetConnectors();
  options = { translator: offlineProvider, locales: ['en', 'zh-CN', 'fr'], images: { storage: createLocalStorage(mediaDir) } };
});

afterAll(async () => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConnectors();
  await sandbox?.close();
  await handle?.drop();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

describe('importProductLink against the 1688 sandbox', () => {
  it('turns a pasted 1688 share text into a product with SKUs, translations and images', async () => {
    const o = offer(5);
    const before = await totalProducts();
    const result = await importProductLink(handle.db, `【1688】${o.subject} https://detail.1688.com/offer/${o.offerId}.html?spm=a26352.13672862.offerlist&tracelog=p4p 复制链接打开`, options);

    expect(result).toMatchObject({ created: true, platform: '1688', sourceId: o.offerId });
    expect(await totalProducts()).toBe(before + 1);
    const rows = await rowsFor(o.offerId);
    expect(rows.products).toEqual([{ id: result.productId, slug: result.slug }]);
    expect(result.slug).toMatch(new RegExp(`-${result.productId}$`));
    expect(rows.skus.map((s) => s.sourceSkuId).sort()).toEqual(o.skus.map((s) => s.skuId).sort());
    const locales = await handle.db.select({ locale: productTranslations.locale }).from(productTranslations).where(eq(productTranslations.productId, result.productId));
    expect(locales.map((l) => l.locale)).toContain('en');
    // The images were derived right away from the sandbox's CDN: the first page view has pictures.
    const images = await handle.db.select({ status: productImages.status }).from(productImages).where(eq(productImages.productId, result.productId));
    expect(images.length).toBe(o.images.length);
    expect(images.every((i) => i.status === 'ready')).toBe(true);
    expect(result.images?.processed).toBeGreaterThanOrEqual(o.images.length);
  });

  it('refreshes a listing imported before instead of duplicating it, picking up the new price', async () => {
    const o = offer(5);
    const sku = o.skus[0]!;
    const newPrice = sku.priceFen + 1234;
    await control(`/__sandbox/offers/${o.offerId}/skus/${sku.skuId}`, { priceFen: newPrice });
    const first = await rowsFor(o.offerId);
    const before = await totalProducts();

    // Another shape of the same listing: the mobile page.
    const result = await importProductLink(handle.db, `https://m.1688.com/offer/${o.offerId}.html?sk=consign`, options);

    expect(result.created).toBe(false);
    expect(result.productId).toBe(first.products[0]!.id);
    expect(await totalProducts()).toBe(before);
    const after = await rowsFor(o.offerId);
    expect(after.products).toHaveLength(1);
    expect(after.skus).toHaveLength(first.skus.length);
    expect(after.skus.find((s) => s.sourceSkuId === sku.skuId)?.priceMinor).toBe(newPrice);
    const [product] = await handle.db.select({ priceMinMinor: products.priceMinMinor, priceMaxMinor: products.priceMaxMinor }).from(products).where(eq(products.id, result.productId));
    expect(product!.priceMaxMinor).toBeGreaterThanOrEqual(newPrice);
  });

  it('refreshes a product the catalog already carried (seeded from the same listings)', async () => {
    const o = offer(0);
    const [seeded] = (await rowsFor(o.offerId)).products;
    expect(seeded).toBeDefined();
    const result = await importProductLink(handle.db, `detail.1688.com/offer/${o.offerId}.html`, { ...options, images: false });
    expect(result).toMatchObject({ created: false, productId: seeded!.id, images: null });
  });

  it('says plainly that Taobao has no connector, and writes nothing', async () => {
    const before = await totalProducts();
    const error = await failure(importProductLink(handle.db, '【淘宝】https://item.taobao.com/item.htm?id=680123456789&spm=a21bo 点击链接直接打开', options));
    expect(error.code).toBe('bad_request');
    expect(error.details).toEqual({ reason: 'not_configured', platform: 'taobao' });
    expect(error.message).toContain('Taobao');
    expect(await totalProducts()).toBe(before);
  });

  it('reports a listing 1688 does not have as not found, and writes nothing', async () => {
    const before = await totalProducts();
    const error = await failure(importProductLink(handle.db, 'https://detail.1688.com/offer/699999999999.html', options));
    expect(error.code).toBe('not_found');
    expect(error.details).toMatchObject({ reason: 'listing_not_found', platform: '1688' });
    expect(error.message).toBe('That 1688 listing does not exist or was taken down.');
    expect(await totalProducts()).toBe(before);
  });

  it('refuses short links and other pages without calling the marketplace', async () => {
    const callsBefore = await fetch(`${sandbox.url}/__sandbox/stats`).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect((await failure(importProductLink(handle.db, 'https://qr.1688.com/s/AbCd1234', options))).details).toEqual({ reason: 'short_link', platform: '1688' });
    expect((await failure(importProductLink(handle.db, 'https://s.1688.com/selloffer/offer_search.htm?keywords=dress', options))).details).toEqual({ reason: 'not_a_listing', platform: '1688' });
    expect((await failure(importProductLink(handle.db, 'https://www.amazon.com/dp/B0C1234567', options))).details).toEqual({ reason: 'unsupported_link', platform: null });
    expect((await failure(importProductLink(handle.db, '   ', options))).details).toEqual({ reason: 'empty', platform: null });
    const callsAfter = await fetch(`${sandbox.url}/__sandbox/stats`).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(callsAfter).toEqual(callsBefore);
  });

  it('asks to try again later when 1688 fails, and writes nothing', async () => {
    const o = offer(9);
    await control('/__sandbox/faults', { errorRate: 1 });
    try {
      const error = await failure(importProductLink(handle.db, `https://detail.1688.com/offer/${o.offerId}.html`, options));
      expect(error.code).toBe('unavailable');
      expect(error.details).toEqual({ reason: 'upstream_unavailable', platform: '1688' });
      expect(error.message).toBe('1688 is not answering; try again in a minute.');
    } finally {
      await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    }
    expect((await rowsFor(o.offerId)).products).toEqual([]);
  });
});

describe('ferry product import', () => {
  it('prints the product as JSON, and refreshes it on a second run', async () => {
    const o = offer(7);
    const first = await ferry('product', 'import', '--url', `https://detail.1688.com/offer/${o.offerId}.html?spm=a2615.2177701`);
    expect(first.code, first.stderr).toBe(0);
    const printed = JSON.parse(first.stdout) as { productId: number; slug: string; created: boolean; url: string };
    expect(Object.keys(printed).sort()).toEqual(['created', 'productId', 'slug', 'url']);
    expect(printed.created).toBe(true);
    expect(printed.url).toBe(`https://shop.example/en/p/${printed.slug}`);
    expect((await rowsFor(o.offerId)).products).toEqual([{ id: printed.productId, slug: printed.slug }]);

    const second = await ferry('product', 'import', '--url', `https://m.1688.com/offer/${o.offerId}.html`, '--locale', 'zh-CN');
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ productId: printed.productId, slug: printed.slug, created: false, url: `https://shop.example/zh-CN/p/${printed.slug}` });
    expect((await rowsFor(o.offerId)).products).toHaveLength(1);
  });

  it('refuses bad input with one line on stderr and a non-zero exit', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--url', 'https://www.amazon.com/dp/B0C1234567'], 2, /^ferry: product import: We do not recognise this link\./],
      [['--url', 'https://m.tb.cn/h.5Xb3TyB?tk=AbCd'], 2, /^ferry: product import: This is a Taobao short link\./],
      [['--url', ''], 2, /^ferry: product import: --url <link> is required$/],
      [[], 2, /^ferry: product import: --url <link> is required$/],
      [['--url', 'https://detail.1688.com/offer/612345678901.html', '--locale', 'xx'], 2, /^ferry: product import: --locale/],
      [['--url', 'https://item.taobao.com/item.htm?id=680123456789'], 1, /^ferry: product import: Ferry cannot import Taobao listings yet\./],
      [['--url', 'https://detail.1688.com/offer/699999999999.html'], 1, /^ferry: product import: That 1688 listing does not exist or was taken down\.$/],
    ];
    for (const [args, code, message] of cases) {
      const result = await ferry('product', 'import', ...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
    }
  });
});

describe('the paste box rate limit on the real Redis (through the Upstash bridge)', () => {
  it('lets one address import 10 links a minute, then refuses it and only it', async () => {
    const bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: 'link-import-token', clientName: uniqueClientName('link-import-test') });
    try {
      const redis = new Redis({ url: bridge.url, token: 'link-import-token', enableTelemetry: false });
      const limiter = createLimiter(redis, 'linkImport', `ferry-test:link-import:${randomUUID()}`);
      const ip = '198.51.100.7';
      const results = [];
      for (let i = 0; i < 11; i++) results.push(await limiter.check({ ip, ipHourly: ip }));
      expect(results).toEqual([...Array(10).fill(true), false]);
      expect(await limiter.check({ ip: '198.51.100.8', ipHourly: '198.51.100.8' })).toBe(true);
    } finally {
      await bridge.close();
    }
  });
});
