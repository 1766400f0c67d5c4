import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { products, purchaseEvents, purchaseOrders, sellers, skus, webhookEvents } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { cacheTags } from '@/lib/cache/tags';
import { DEFAULT_DEMO_SEED } from '@/lib/catalog/demo';
import { getProductDetail } from '@/lib/catalog/queries/get-product-detail';
import { pollUpstreamOrders } from '@/lib/supplier-push/poll-upstream-orders';
import { pollUpstreamOrdersIfDue } from '@/lib/supplier-push/poll-upstream-orders-if-due';
import { getConnector, resetConnectors } from '@/lib/suppliers/registry';
import type { SupplierConnector } from '@/lib/suppliers/types';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from '@/sandboxes/alibaba-1688/sandbox';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { createTestDatabase } from '../support/test-database';

// As in push-1688.test.ts: `after()` callbacks are run by the test's front server right after it
// has answered, the way Next runs them; revalidations are recorded.
const hooks = vi.hoisted(() => ({ after: [] as (() => Promise<void>)[], revalidated: [] as string[] }));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (task: () => Promise<void>) => void hooks.after.push(task),
}));
// Outside the request, changed products' tags go to the server's own revalidation route
// (tests/integration/push-1688-live.test.ts covers that route live); here they are recorded.
vi.mock('@/lib/cache/server-revalidator', () => ({
  serverRevalidator: () => ({ add: (tags: readonly string[]) => void hooks.revalidated.push(...tags), flush: async () => undefined, sent: 0 }),
}));

const { POST } = await import('@/app/api/webhooks/1688/route');

const SECRET = 'ferry-test-1688-secret';
const REFRESH = 'ferry-test-1688-refresh';
const APP_KEY = '8068168';
const TOKEN = 'push-sandbox-redis-token';

let db: Database;
let drop: () => Promise<void>;
let bridge: Bridge;
let redis: Redis;
let sandbox: Alibaba1688Sandbox;
let front: http.Server;
let connector: SupplierConnector;
/** While set, pushes reaching the front server are answered 200 and thrown away: lost messages. */
let isDroppingPushes = false;
const running = new Set<Promise<void>>();
const saved = { ...process.env };

/** Stands where Next would: hands each push to the route handler, answers, then runs `after()`. */
function startFront(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (isDroppingPushes) return void res.writeHead(200).end('{}');
      const response = await POST(new Request('http://ferry.test/api/webhooks/1688', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body }));
      res.writeHead(response.status, { 'content-type': 'application/json' }).end(await response.text());
      for (const task of hooks.after.splice(0)) {
        const run = task().finally(() => running.delete(run));
        running.add(run);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  const database = await createTestDatabase('ferry_test_push_sandbox');
  db = database.db;
  drop = database.drop;
  await seedDemo(db, { count: 10, mediaDir: await mkdtemp(path.join(os.tmpdir(), 'ferry-media-')) });
  bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: TOKEN });
  redis = new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false, retry: { retries: 0 } });
  front = await startFront();
  sandbox = await startAlibaba1688Sandbox({
    appKey: APP_KEY,
    appSecret: SECRET,
    refreshToken: REFRESH,
    offers: 50,
    seed: DEFAULT_DEMO_SEED,
    rate: 1000,
    tokenTtlSeconds: 3600,
    pushUrl: `http://127.0.0.1:${(front.address() as AddressInfo).port}/api/webhooks/1688`,
    pushRetry: { attempts: 3, baseMs: 50 },
  });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: TOKEN,
    ALIBABA_1688_BASE_URL: sandbox.url,
    ALIBABA_1688_APP_KEY: APP_KEY,
    ALIBABA_1688_APP_SECRET: SECRET,
    ALIBABA_1688_REFRESH_TOKEN: REFRESH,
  });
  resetConnectors();
  connector = getConnector('1688');
});
afterAll(async () => {
  await sandbox?.close();
  await new Promise((resolve) => front?.close(resolve));
  await Promise.all(running);
  await bridge?.close();
  await drop?.();
  process.env = saved;
  resetConnectors();
});

async function waitFor<T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const control = async (route: string, body?: unknown) => {
  const res = await fetch(`${sandbox.url}/__sandbox/${route}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

describe('1688 sandbox → push → Ferry', () => {
  it('moves stock from the upstream into the shadow the product page reads, within a second', async () => {
    const [target] = await db
      .select({ skuId: skus.id, productId: skus.productId, offerId: products.sourceId, sourceSkuId: skus.sourceSkuId })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .orderBy(asc(skus.id))
      .limit(1);
    const changedAt = Date.now();
    await control(`offers/${target!.offerId}/skus/${target!.sourceSkuId}`, { stock: 3 });
    await waitFor('shadow stock', async () => (await db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, target!.skuId)))[0]!.stock, (s) => s === 3, 5000);
    expect(Date.now() - changedAt).toBeLessThan(1000);
    await waitFor('page revalidation', async () => hooks.revalidated, (tags) => tags.includes(cacheTags.product(target!.productId)), 2000);
    const page = await getProductDetail(db, target!.productId, 'en');
    expect(page!.skus.find((s) => s.id === target!.skuId)!.stock).toBe(3);
    const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.source, '1688')).orderBy(asc(webhookEvents.id)).limit(1);
    expect(event).toMatchObject({ type: 'PRODUCT_PRODUCT_INVENTORY_CHANGE', processedAt: expect.any(Date), error: null });
  });
});

describe('the compensating poll', () => {
  it('catches an order status change whose push was lost, once', async () => {
    isDroppingPushes = true;
    const [row] = await db
      .select({ offerId: products.sourceId, sourceSkuId: skus.sourceSkuId, sellerId: sellers.id, sellerSourceId: sellers.sourceId })
      .from(skus)
      .innerJoin(products, eq(products.id, skus.productId))
      .innerJoin(sellers, eq(sellers.id, products.sellerId))
      .orderBy(asc(skus.id))
      .limit(1)
      .offset(5);
    const placed = await connector.placePurchase({
      sellerSourceId: row!.sellerSourceId,
      lines: [{ offerId: row!.offerId, sourceSkuId: row!.sourceSkuId, specId: null, quantity: 1 }],
      address: { fullName: '渡船仓库', mobile: '13800000000', postCode: '510000', provinceText: '广东省', cityText: '广州市', areaText: '白云区', address: '太和镇 1 号' },
      externalRef: `PO-${randomUUID().slice(0, 8)}`,
    });
    const [inserted] = await db
      .insert(purchaseOrders)
      .values({
        reference: `PO-${randomUUID().slice(0, 8)}`,
        platform: '1688',
        sellerId: row!.sellerId,
        sellerSourceId: row!.sellerSourceId,
        status: 'placed',
        expectedGoodsMinor: placed.totalMinor,
        upstreamOrderId: placed.upstreamOrderId,
        // placePurchase pays at once: the order waits for the seller.
        upstreamStatus: 'awaiting_shipment',
      })
      .$returningId();
    const id = inserted!.id;
    await control(`orders/${placed.upstreamOrderId}/ship`);

    const first = await pollUpstreamOrders(db, { connectors: [connector] });
    expect(first).toEqual([expect.objectContaining({ platform: '1688', known: 1, outcomes: { advanced: 1 } })]);
    const [po] = await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id));
    expect(po).toMatchObject({ upstreamStatus: 'shipped', status: 'placed' });
    expect(po!.upstreamModifiedAt).toBeInstanceOf(Date);

    const second = await pollUpstreamOrders(db, { connectors: [connector] });
    expect(second[0]!.outcomes).toEqual({ unchanged: 1 });
    const events = await db.select().from(purchaseEvents).where(and(eq(purchaseEvents.purchaseOrderId, id)));
    expect(events).toEqual([expect.objectContaining({ step: 'upstream_status', actor: 'poll:1688', details: expect.objectContaining({ from: 'awaiting_shipment', to: 'shipped' }) })]);
    isDroppingPushes = false;
  });

  it('runs on one server per period', async () => {
    process.env.UPSTREAM_POLL_MINUTES = '5';
    const first = await pollUpstreamOrdersIfDue(db, redis);
    const second = await pollUpstreamOrdersIfDue(db, redis);
    expect(first).toEqual([expect.objectContaining({ platform: '1688' })]);
    expect(first![0]!.error).toBeUndefined();
    expect(second).toBeNull();
  });
});
