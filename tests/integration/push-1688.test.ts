import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseName, type Database } from '@/db/client';
import { products, purchaseEvents, purchaseOrders, sellers, skus, webhookEvents } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { cacheTags } from '@/lib/cache/tags';
import { placeOrder } from '@/lib/checkout/place-order';
import { sellableInDb } from '@/lib/inventory/db-stock';
import { readCounters, seedCounters } from '@/lib/inventory/redis-stock';
import { sweepStoredWebhooks } from '@/lib/jobs/webhook-consumers';
import { applyPushBatch } from '@/lib/supplier-push/apply-push-batch';
import { drainPushQueue } from '@/lib/supplier-push/drain-push-queue';
import { getConnector, resetConnectors } from '@/lib/suppliers/registry';
import { signPush } from '@/lib/suppliers/alibaba-1688/sign';
import { formatPushTime } from '@/sandboxes/alibaba-1688/time-format';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { orderInput } from '../support/checkout-fixtures';
import { createTestDatabase } from '../support/test-database';

// The route answers, then hands the work to `after()`, which needs Next's request scope: the test
// keeps the callbacks and runs them itself. Revalidations are recorded (there is no page cache here).
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
const TOKEN = 'push-test-redis-token';
type Target = { skuId: number; productId: number; offerId: string; sourceSkuId: string };

let db: Database;
let redis: Redis;
let bridge: Bridge;
let drop: () => Promise<void>;
let targets: Target[];
const saved = { ...process.env };

beforeAll(async () => {
  const database = await createTestDatabase('ferry_test_push');
  db = database.db;
  drop = database.drop;
  await seedDemo(db, { count: 40, mediaDir: await mkdtemp(path.join(os.tmpdir(), 'ferry-media-')) });
  bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: TOKEN });
  redis = new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false, retry: { retries: 0 } });
  // The route reaches the database, Redis and the connector through env, read on first use.
  Object.assign(process.env, { DATABASE_URL: database.url, UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: TOKEN, ALIBABA_1688_APP_SECRET: SECRET, UPSTREAM_POLL_MINUTES: '0' });
  resetConnectors();
  targets = await db
    .select({ skuId: skus.id, productId: skus.productId, offerId: products.sourceId, sourceSkuId: skus.sourceSkuId })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .orderBy(asc(skus.id));
});
afterAll(async () => {
  await bridge?.close();
  await drop?.();
  process.env = saved;
  resetConnectors();
});
beforeEach(() => {
  hooks.after.length = 0;
  hooks.revalidated.length = 0;
});

let msgSeq = Date.now() * 100;
const T0 = Math.floor(Date.now() / 1000) * 1000;

type Change = { target: Target; stock: number; at: number; offerOnSale?: number };

function stockMessage(changes: Change[], msgId = ++msgSeq): string {
  return JSON.stringify({
    msgId,
    gmtBorn: Math.max(...changes.map((c) => c.at)),
    type: 'PRODUCT_PRODUCT_INVENTORY_CHANGE',
    bizKey: changes[0]!.target.offerId,
    userInfo: 'b2b-ferry-test',
    data: {
      OfferInventoryChangeList: changes.map((c) => ({
        offerId: Number(c.target.offerId),
        offerOnSale: c.offerOnSale ?? 100,
        skuId: Number(c.target.sourceSkuId),
        skuOnSale: c.stock,
        quantity: -1,
        bizTime: formatPushTime(c.at),
      })),
    },
  });
}

function orderMessage(orderId: string, currentStatus: string, at: number, msgId = ++msgSeq): string {
  const type = currentStatus === 'cancel' ? 'ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE' : 'ORDER_BUYER_VIEW_ORDER_PAY';
  return `{"msgId":${msgId},"gmtBorn":${at},"type":"${type}","bizKey":"${orderId}","userInfo":"b2b-ferry-test","data":{"orderId":${orderId},"currentStatus":"${currentStatus}","buyerMemberId":"b2b-ferry-test","sellerMemberId":"b2b-seller","msgSendTime":"${formatPushTime(at)}"}}`;
}

const form = (message: string, signature = signPush(message, SECRET)) => new URLSearchParams({ message, _aop_signature: signature }).toString();

async function deliver(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await POST(new Request('http://ferry.test/api/webhooks/1688', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** What `after()` would have run once the answer was sent. */
async function runAfter(): Promise<void> {
  while (hooks.after.length) await hooks.after.shift()!();
}

const msgIdOf = (message: string) => String((JSON.parse(message) as { msgId: number }).msgId);
async function eventOf(message: string) {
  const [row] = await db.select().from(webhookEvents).where(and(eq(webhookEvents.source, '1688'), eq(webhookEvents.eventId, msgIdOf(message))));
  return row;
}
async function skuRow(skuId: number) {
  const [row] = await db.select({ stock: skus.stock, reserved: skus.reserved, stockSourceAt: skus.stockSourceAt }).from(skus).where(eq(skus.id, skuId));
  return row!;
}
async function storedCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEvents);
  return row!.n;
}

describe('POST /api/webhooks/1688', () => {
  it('stores a signed stock push once, answers 200, then applies it: stock, counter, pages and checkout follow', async () => {
    const t = targets[0]!;
    await db.update(skus).set({ stock: 20, reserved: 2, stockSourceAt: null }).where(eq(skus.id, t.skuId));
    await seedCounters(redis, databaseName(db), new Map([[t.skuId, 18]]));
    const message = stockMessage([{ target: t, stock: 9, at: T0 }]);

    const answer = await deliver(form(message));
    expect(answer).toEqual({ status: 200, json: { success: true, msgId: msgIdOf(message), duplicate: false } });
    expect((await eventOf(message))!.processedAt).toBeNull();
    await runAfter();

    const event = (await eventOf(message))!;
    expect(event.processedAt).not.toBeNull();
    expect(event.error).toBeNull();
    expect(event.type).toBe('PRODUCT_PRODUCT_INVENTORY_CHANGE');
    expect(JSON.parse(event.payload)).toMatchObject({ message });
    expect(await skuRow(t.skuId)).toEqual({ stock: 9, reserved: 2, stockSourceAt: new Date(T0) });
    expect((await readCounters(redis, databaseName(db), [t.skuId])).get(t.skuId)).toBeNull();
    expect((await sellableInDb(db, [t.skuId])).get(t.skuId)).toBe(7);
    const [product] = await db.select({ stockTotal: products.stockTotal }).from(products).where(eq(products.id, t.productId));
    const [sum] = await db.select({ n: sql<number>`sum(${skus.stock})` }).from(skus).where(eq(skus.productId, t.productId));
    expect(product!.stockTotal).toBe(Number(sum!.n));
    expect(hooks.revalidated).toContain(cacheTags.product(t.productId));

    // Checkout now sells exactly stock − reserved = 7, through a counter reloaded from MySQL.
    await expect(placeOrder({ db, redis }, orderInput(t.skuId, 8, randomUUID()))).rejects.toMatchObject({ code: 'out_of_stock' });
    await placeOrder({ db, redis }, orderInput(t.skuId, 7, randomUUID()));
    expect((await readCounters(redis, databaseName(db), [t.skuId])).get(t.skuId)).toBe(0);
  });

  it('rejects forged, missing and misplaced signatures with 400 and stores nothing', async () => {
    const message = stockMessage([{ target: targets[1]!, stock: 1, at: T0 }]);
    const before = await storedCount();
    for (const body of [
      form(message, signPush(message, 'not-the-secret')),
      form(message, '0'.repeat(40)),
      new URLSearchParams({ message }).toString(),
      form(message.replace('"skuOnSale":1', '"skuOnSale":999'), signPush(message, SECRET)),
    ]) {
      const answer = await deliver(body);
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect(await storedCount()).toBe(before);
    expect(hooks.after).toHaveLength(0);
  });

  it('rejects signed but malformed messages with 400', async () => {
    const before = await storedCount();
    for (const message of ['not json', '{"gmtBorn":1,"type":"PRODUCT_PRODUCT_INVENTORY_CHANGE","data":{}}', '[]']) {
      expect((await deliver(form(message))).status).toBe(400);
    }
    expect((await deliver('')).status).toBe(400);
    expect(await storedCount()).toBe(before);
  });

  it('acknowledges a message delivered three times and applies it once', async () => {
    const t = targets[2]!;
    await db.update(skus).set({ stock: 50, reserved: 0, stockSourceAt: null }).where(eq(skus.id, t.skuId));
    const body = form(stockMessage([{ target: t, stock: 12, at: T0 }]));
    const answers = await Promise.all([deliver(body), deliver(body), deliver(body)]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    await runAfter();
    const message = new URLSearchParams(body).get('message')!;
    const first = (await eventOf(message))!;
    expect(first.deliveries).toBe(3);
    expect((await skuRow(t.skuId)).stock).toBe(12);

    // A fourth delivery after it was applied: acknowledged, claimed by no worker.
    expect((await deliver(body)).json.duplicate).toBe(true);
    await runAfter();
    const later = (await eventOf(message))!;
    expect(later.deliveries).toBe(4);
    expect(later.processedAt).toEqual(first.processedAt);
  });

  it('keeps the newer value when messages arrive in reverse order, in separate batches or one', async () => {
    const [a, b] = [targets[3]!, targets[4]!];
    await db.update(skus).set({ stockSourceAt: null }).where(inArray(skus.id, [a.skuId, b.skuId]));
    const newerA = stockMessage([{ target: a, stock: 4, at: T0 + 5000 }]);
    const olderA = stockMessage([{ target: a, stock: 11, at: T0 }]);
    await deliver(form(newerA));
    await runAfter();
    await deliver(form(olderA));
    await runAfter();
    expect(await skuRow(a.skuId)).toMatchObject({ stock: 4, stockSourceAt: new Date(T0 + 5000) });
    expect((await eventOf(olderA))!.error).toBe('ignored: stale');

    await deliver(form(stockMessage([{ target: b, stock: 6, at: T0 + 3000 }])));
    await deliver(form(stockMessage([{ target: b, stock: 13, at: T0 + 1000 }])));
    hooks.after.length = 0;
    const batch = await applyPushBatch(db, redis);
    expect(batch).toMatchObject({ claimed: 2, outcomes: { applied: 1, stale: 1 } });
    expect((await skuRow(b.skuId)).stock).toBe(6);
  });

  it('ignores a push older than the stock the last sync wrote, and takes a newer one', async () => {
    const t = targets[5]!;
    const syncedAt = new Date(T0 + 60_000);
    await db.update(skus).set({ stock: 30, stockSourceAt: syncedAt }).where(eq(skus.id, t.skuId));
    const stale = stockMessage([{ target: t, stock: 1, at: T0 + 50_000 }]);
    await deliver(form(stale));
    await runAfter();
    expect(await skuRow(t.skuId)).toMatchObject({ stock: 30, stockSourceAt: syncedAt });
    expect((await eventOf(stale))!.error).toBe('ignored: stale');
    await deliver(form(stockMessage([{ target: t, stock: 2, at: T0 + 61_000 }])));
    await runAfter();
    expect((await skuRow(t.skuId)).stock).toBe(2);
  });

  it('records and ignores messages about offers and SKUs Ferry does not sell', async () => {
    const unknownOffer = stockMessage([{ target: { ...targets[6]!, offerId: '699999999999' }, stock: 3, at: T0 }]);
    const unknownSku = stockMessage([{ target: { ...targets[6]!, sourceSkuId: '4999999999999' }, stock: 3, at: T0 }]);
    await deliver(form(unknownOffer));
    await deliver(form(unknownSku));
    await runAfter();
    expect((await eventOf(unknownOffer))!).toMatchObject({ error: 'ignored: unknown_offer', processedAt: expect.any(Date) });
    expect((await eventOf(unknownSku))!).toMatchObject({ error: 'ignored: unknown_sku', processedAt: expect.any(Date) });
  });
});

describe('the batch worker', () => {
  it('applies 200 stored messages in one batch, the newest reading per SKU winning', async () => {
    const group = targets.slice(10, 20);
    await db.update(skus).set({ stockSourceAt: null }).where(inArray(skus.id, group.map((t) => t.skuId)));
    const expected = new Map<number, number>();
    // 20 readings per SKU, delivered in a shuffled order; the one at the latest second must win.
    const readings = group.flatMap((target, g) => Array.from({ length: 20 }, (_, k) => ({ target, stock: 100 + g * 20 + k, at: T0 + k * 1000 })));
    for (const r of readings) if (r.at === T0 + 19_000) expected.set(r.target.skuId, r.stock);
    readings.sort(() => Math.random() - 0.5);
    for (let i = 0; i < readings.length; i += 10) await Promise.all(readings.slice(i, i + 10).map((r) => deliver(form(stockMessage([r])))));
    hooks.after.length = 0;

    const batch = await applyPushBatch(db, redis, { limit: 500 });
    expect(batch.claimed).toBe(200);
    expect(batch.outcomes).toEqual({ applied: 10, stale: 190 });
    const rows = await db.select({ id: skus.id, stock: skus.stock }).from(skus).where(inArray(skus.id, group.map((t) => t.skuId)));
    expect(new Map(rows.map((r) => [r.id, r.stock]))).toEqual(expected);
    expect((await applyPushBatch(db, redis)).claimed).toBe(0);
  });

  it('lets two workers drain one queue at once without applying any event twice', async () => {
    const group = targets.slice(20, 30);
    for (let k = 0; k < 30; k++) {
      await Promise.all(group.map((target, g) => deliver(form(stockMessage([{ target, stock: g * 100 + k, at: T0 + 100_000 + k * 1000 }])))));
    }
    hooks.after.length = 0;
    const [one, two] = await Promise.all([drainPushQueue(db, redis, { limit: 40 }), drainPushQueue(db, redis, { limit: 40 })]);
    expect(one + two).toBe(300);
    const [left] = await db.select({ n: count() }).from(webhookEvents).where(sql`${webhookEvents.processedAt} is null`);
    expect(left!.n).toBe(0);
    const rows = await db.select({ id: skus.id, stock: skus.stock }).from(skus).where(inArray(skus.id, group.map((t) => t.skuId)));
    expect(new Map(rows.map((r) => [r.id, r.stock]))).toEqual(new Map(group.map((t, g) => [t.skuId, g * 100 + 29])));
  });

  it('leaves a push whose after() never ran to the periodic job', async () => {
    const t = targets[31]!;
    await db.update(skus).set({ stockSourceAt: null }).where(eq(skus.id, t.skuId));
    const message = stockMessage([{ target: t, stock: 77, at: T0 }]);
    await deliver(form(message));
    hooks.after.length = 0; // the server died right after answering
    expect(await sweepStoredWebhooks(db, redis)).toBe(0); // too fresh: after() may still be running
    await db.update(webhookEvents).set({ receivedAt: new Date(Date.now() - 10_000) }).where(eq(webhookEvents.eventId, msgIdOf(message)));
    expect(await sweepStoredWebhooks(db, redis)).toBe(1);
    expect((await skuRow(t.skuId)).stock).toBe(77);
  });
});

describe('messages that could jam the queue', () => {
  it('takes a reading stamped in the future as taken now, so later honest pushes still apply', async () => {
    const t = targets[32]!;
    await db.update(skus).set({ stockSourceAt: null }).where(eq(skus.id, t.skuId));
    await deliver(form(stockMessage([{ target: t, stock: 5, at: Date.now() + 86_400_000 }])));
    await runAfter();
    const row = await skuRow(t.skuId);
    expect(row.stock).toBe(5);
    expect(row.stockSourceAt!.getTime()).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 5));
    await deliver(form(stockMessage([{ target: t, stock: 6, at: Date.now() + 1000 }])));
    await runAfter();
    expect((await skuRow(t.skuId)).stock).toBe(6);
  });

  it('sets aside one event that fails on its own and applies the others', async () => {
    const [good, bad] = [targets[33]!, targets[34]!];
    await db.update(skus).set({ stockSourceAt: null }).where(inArray(skus.id, [good.skuId, bad.skuId]));
    const poison = stockMessage([{ target: bad, stock: 1, at: T0 }]);
    const fine = stockMessage([{ target: good, stock: 44, at: T0 }]);
    await deliver(form(poison));
    await deliver(form(fine));
    hooks.after.length = 0;
    // A connector with a bug that only this one message triggers, inside the batch's transaction.
    const real = getConnector('1688');
    const buggy = {
      ...real,
      verifyPush: (delivery: Record<string, string>) => {
        const message = real.verifyPush(delivery);
        if (message?.msgId !== msgIdOf(poison)) return message;
        return Object.defineProperty({ ...message }, 'changes', {
          get: () => {
            throw new Error('connector bug');
          },
        });
      },
    };
    expect(await drainPushQueue(db, redis, { connector: buggy })).toBe(2);
    expect((await eventOf(poison))!).toMatchObject({ processedAt: expect.any(Date), error: 'failed: connector bug' });
    expect((await eventOf(fine))!).toMatchObject({ processedAt: expect.any(Date), error: null });
    expect((await skuRow(good.skuId)).stock).toBe(44);
  });
});

describe('order messages', () => {
  async function purchaseOrder(upstreamOrderId: string, upstreamStatus: string | null) {
    const [seller] = await db.select({ id: sellers.id, sourceId: sellers.sourceId }).from(sellers).limit(1);
    const [inserted] = await db
      .insert(purchaseOrders)
      .values({ reference: `PO-${randomUUID().slice(0, 8)}`, platform: '1688', sellerId: seller!.id, sellerSourceId: seller!.sourceId, status: 'placed', expectedGoodsMinor: 1000, upstreamOrderId, upstreamStatus })
      .$returningId();
    return inserted!.id;
  }
  const poRow = async (id: number) => (await db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)))[0]!;
  const eventsOf = (id: number) => db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseOrderId, id)).orderBy(asc(purchaseEvents.id));

  it('advances the upstream status forward only, once per step, whatever the delivery order', async () => {
    const orderId = `1${Date.now()}0001`;
    const id = await purchaseOrder(orderId, 'awaiting_payment');
    const shipped = form(orderMessage(orderId, 'waitbuyerreceive', T0 + 20_000));
    const paid = form(orderMessage(orderId, 'waitsellersend', T0 + 10_000));
    await Promise.all([deliver(shipped), deliver(shipped), deliver(shipped)]);
    await runAfter();
    await deliver(paid);
    await runAfter();
    const po = await poRow(id);
    expect(po).toMatchObject({ upstreamStatus: 'shipped', upstreamModifiedAt: new Date(T0 + 20_000), status: 'placed', lastError: null });
    const events = await eventsOf(id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ step: 'upstream_status', actor: 'push:1688', details: expect.objectContaining({ from: 'awaiting_payment', to: 'shipped' }) });
    expect((await eventOf(new URLSearchParams(paid).get('message')!))!.error).toBe('ignored: unchanged');
  });

  it('flags an upstream cancellation for staff instead of buying again', async () => {
    const orderId = `1${Date.now()}0002`;
    const id = await purchaseOrder(orderId, 'awaiting_shipment');
    await deliver(form(orderMessage(orderId, 'cancel', T0 + 30_000)));
    await runAfter();
    expect(await poRow(id)).toMatchObject({ upstreamStatus: 'cancelled', lastError: 'cancelled upstream', status: 'placed' });
    expect((await eventsOf(id)).map((e) => e.step)).toEqual(['upstream_cancelled']);
  });

  it('records and ignores messages about orders Ferry did not place', async () => {
    const message = orderMessage('199999999999999999', 'waitsellersend', T0);
    await deliver(form(message));
    await runAfter();
    expect((await eventOf(message))!).toMatchObject({ error: 'ignored: unknown_order', processedAt: expect.any(Date) });
  });
});
