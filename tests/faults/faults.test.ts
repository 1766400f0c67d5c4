import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from '@upstash/redis';
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { orderItems, orders, paymentLedger, products, skus, webhookEvents } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { stockKey } from '@/lib/inventory/redis-stock';
import type { ApiCredentials } from '../support/api-client';
import {
  BridgeHost,
  faultPorts,
  FerryServer,
  logDir,
  REDIS_TOKEN,
  removeDir,
  sleep,
  tempDir,
  ThrowawayMariaDb,
  ThrowawayRedis,
  waitFor,
} from './support/fault-stack';
import { byEnd, markdown, timeline, type Measurement } from './support/report';
import { NO_ANSWER, ShopLoad } from './support/shop-load';

// Faults lose nothing: MariaDB killed and restarted while orders are placed and payments arrive,
// Redis killed mid-checkout and restarted empty, the Redis endpoint unreachable while Redis keeps
// its data. Afterwards every order answered 201 exists (once), every acknowledged payment is
// applied (once), MySQL's reserved units are exactly what open orders hold and each Redis counter
// equals stock − reserved, no request was answered 500, and the server (never restarted) serves
// again within seconds. The stack is the suite's own (fault-stack.ts); `npm test` runs it last.

const DATABASE = 'ferry_faults';
const STOCK = 5_000;
const WEBHOOK_SECRET = 'whsec_ferry_faults';
/** Unpaid orders expire quickly, so cancels (units returned to Redis) happen during the faults too. */
const RESERVATION_MINUTES = '0.1';

let dir: string;
let mariadb: ThrowawayMariaDb;
let redis: ThrowawayRedis;
let bridge: BridgeHost;
let server: FerryServer;
let db: Database;
let counters: Redis;
let partners: ApiCredentials[];
let skuIds: number[];
let serverPid: number | undefined;
const report: Measurement[] = [];


beforeAll(async () => {
  dir = await tempDir();
  mariadb = new ThrowawayMariaDb(dir, faultPorts.mariadb);
  await mariadb.init();
  await mariadb.start();
  redis = new ThrowawayRedis(dir, faultPorts.redis);
  await redis.start();
  bridge = new BridgeHost(faultPorts.bridge, redis.url);
  await bridge.start();

  const url = `${mariadb.serverUrl}${DATABASE}`;
  await migrateDatabase(url);
  db = databaseFor(url);
  await seedDemo(db, { count: 12, mediaDir: path.join(dir, 'media') });
  const rows = await db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(products.isActive, 1))
    .orderBy(asc(skus.id))
    .limit(8);
  skuIds = rows.map((r) => r.id);
  await db.update(skus).set({ stock: STOCK, reserved: 0 }).where(inArray(skus.id, skuIds));
  partners = await Promise.all([1, 2, 3].map((n) => createPartnerKey(db, { name: `fault partner ${n}`, createdBy: 'faults', rateLimit: 100_000 })));
  counters = new Redis({ url: bridge.url, token: REDIS_TOKEN, enableTelemetry: false, retry: { retries: 0 } });

  server = new FerryServer(
    faultPorts.server,
    {
      FERRY_DEMO: '1',
      DATABASE_URL: url,
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: REDIS_TOKEN,
      REDIS_URL: redis.url,
      SITE_URL: `http://127.0.0.1:${faultPorts.server}`,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-test',
      MEDIA_DIR: path.join(dir, 'media'),
      SANDBOX_WEBHOOK_SECRET: WEBHOOK_SECRET,
      FERRY_JOBS_INTERVAL_SECONDS: '1',
      RESERVATION_MINUTES,
      PURCHASING_AUTO: '0',
      UPSTREAM_CHECK: 'off',
      FERRY_DEBUG_STATS: '1',
      // Nothing here talks to the gateway or the marketplace: closed ports make sure of it.
      SANDBOX_GATEWAY_URL: `http://127.0.0.1:${process.env.FAULTS_GATEWAY_PORT ?? 8155}`,
      ALIBABA_1688_BASE_URL: `http://127.0.0.1:${process.env.FAULTS_1688_PORT ?? 8156}`,
    },
    path.join(await logDir(), 'faults-server.log'),
  );
  await server.start();
  serverPid = server.pid;
  // The first requests compile and load every route's code (seconds on a busy machine): warm up
  // until orders and payments are answered quickly, so the faults meet a server in its stride.
  const warmUp = newLoad();
  warmUp.start();
  await waitFor(
    'orders and payments answered',
    async () => warmUp.answers().filter((a) => (a.status === 201 || a.status === 200) && a.ms < 1_000).length >= 5 && warmUp.deliveries.some((d) => d.isAcknowledged),
    60_000,
    100,
  );
  await warmUp.stop(10_000);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await bridge?.stop();
  await redis?.kill();
  await mariadb?.shutdown();
  await closeDatabases();
  if (dir) await removeDir(dir);
  if (report.length > 0) {
    const file = path.join(await logDir(), 'faults-report.json');
    await writeFile(file, JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, measurements: report }, null, 2));
    console.log(`\n[faults] measurements (also in ${file}):\n${markdown(report, skuIds.length)}`);
  }
}, 60_000);

function newLoad(): ShopLoad {
  return new ShopLoad({ baseUrl: server.url, partners, skuIds, webhookSecret: WEBHOOK_SECRET, shoppersPerPartner: 2, payers: 2, payRatio: 0.7 });
}

describe('faults lose nothing', () => {
  it('MariaDB killed (SIGKILL) under load and restarted: 503s while it is away, every order and payment kept', async () => {
    const load = newLoad();
    load.start();
    await sleep(3_000);
    const down = Date.now();
    await mariadb.kill();
    await sleep(1_000);
    // Not only the open API and webhooks: a crawler and a shopper's pay link are told to come back too.
    for (const path of ['/sitemap.xml', '/sitemaps/pages.xml', '/pay/FRY-UNKNOWN/0000/return']) {
      const res = await fetch(`${server.url}${path}`);
      expect([path, res.status, res.headers.get('retry-after')]).toEqual([path, 503, '5']);
    }
    await sleep(3_000);
    await mariadb.start();
    const back = Date.now();
    await sleep(5_000);
    await load.stop(30_000);
    expect((await fetch(`${server.url}/sitemap.xml`)).status).toBe(200);
    await verify('MariaDB SIGKILL, 4 s down', load, down, back);
  });

  it('Redis killed mid-checkout and restarted empty: checkout refuses or runs on the database guard, counters rebuilt', async () => {
    const load = newLoad();
    load.start();
    await sleep(3_000);
    const down = Date.now();
    await redis.kill();
    await sleep(3_000);
    await redis.start();
    const back = Date.now();
    await sleep(4_000);
    await load.stop(30_000);
    await verify('Redis SIGKILL, 3 s down, restarted empty', load, down, back);
  });

  it('the Redis endpoint unreachable while Redis keeps its data: counters recounted, none off', async () => {
    const load = newLoad();
    load.start();
    await sleep(3_000);
    const down = Date.now();
    await bridge.stop();
    await sleep(3_000);
    await bridge.start();
    const back = Date.now();
    await sleep(4_000);
    await load.stop(30_000);
    await verify('Redis endpoint (bridge) down 3 s, data kept', load, down, back);
  });
});

async function verify(fault: string, load: ShopLoad, down: number, back: number): Promise<void> {
  const answers = load.answers();
  // 1. Never a 500, never a dropped connection; every 503 is JSON and says when to retry.
  const broken = answers.filter((a) => a.status === NO_ANSWER || (a.status >= 500 && a.status !== 503));
  expect(broken, 'answers other than 503 among 5xx, or no answer').toEqual([]);
  const unavailable = answers.filter((a) => a.status === 503);
  expect(unavailable.filter((a) => !a.isJsonError || !/^\d+$/.test(a.retryAfter ?? '')), '503s without JSON error or Retry-After').toEqual([]);
  expect(unavailable.length, 'the fault was felt: some requests were refused').toBeGreaterThan(0);
  expect(answers.filter((a) => ![201, 200, 409, 503].includes(a.status)), 'unexpected statuses').toEqual([]);

  // 2. Every order attempt ended, and the database agrees with every answer: 201 ⇔ exactly one order.
  expect(load.attempts.filter((a) => a.outcome === 'unresolved').map((a) => a.answers.at(-1))).toEqual([]);
  const refs = load.attempts.map((a) => a.ref);
  const stored = new Map<string, { number: string; chargeMinor: number; createdAt: Date; n: number }>();
  for (let i = 0; i < refs.length; i += 500) {
    const rows = await db
      .select({ ref: orders.externalRef, number: orders.number, chargeMinor: orders.chargeMinor, createdAt: orders.createdAt })
      .from(orders)
      .where(inArray(orders.externalRef, refs.slice(i, i + 500)));
    for (const r of rows) stored.set(r.ref!, { number: r.number, chargeMinor: r.chargeMinor, createdAt: r.createdAt, n: (stored.get(r.ref!)?.n ?? 0) + 1 });
  }
  const placed = load.attempts.filter((a) => a.outcome === 'placed');
  const lost = placed.filter((a) => stored.get(a.ref)?.number !== a.order!.orderNumber || stored.get(a.ref)?.chargeMinor !== a.order!.charge.amountMinor);
  expect(lost.map((a) => a.ref), 'orders answered 201 that are missing or differ').toEqual([]);
  expect([...stored.values()].filter((s) => s.n > 1), 'an attempt that made two orders').toEqual([]);
  expect(load.attempts.filter((a) => a.outcome === 'refused' && stored.has(a.ref)).map((a) => a.ref), 'refused attempts that made an order').toEqual([]);

  // 3. Every acknowledged payment is applied once: its event processed, one ledger row, the order paid (or, if it expired first, flagged).
  expect(load.deliveries.filter((d) => !d.isAcknowledged).map((d) => d.answers.at(-1))).toEqual([]);
  const eventIds = load.deliveries.map((d) => d.eventId);
  await waitFor(
    'every acknowledged webhook processed',
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.source, 'sandbox'), inArray(webhookEvents.eventId, eventIds), isNotNull(webhookEvents.processedAt)));
      return row!.n === eventIds.length;
    },
    30_000,
    250,
  );
  const ledger = await db
    .select({ transactionId: paymentLedger.transactionId, status: paymentLedger.status, orderStatus: orders.status })
    .from(paymentLedger)
    .innerJoin(orders, eq(orders.id, paymentLedger.orderId))
    .where(and(eq(paymentLedger.kind, 'charge'), inArray(paymentLedger.transactionId, load.deliveries.map((d) => d.paymentId))));
  const byPayment = new Map<string, typeof ledger>();
  for (const row of ledger) byPayment.set(row.transactionId, [...(byPayment.get(row.transactionId) ?? []), row]);
  const misapplied = load.deliveries.filter((d) => {
    const rows = byPayment.get(d.paymentId) ?? [];
    if (rows.length !== 1) return true;
    return rows[0]!.status === 'flagged' ? rows[0]!.orderStatus !== 'cancelled' : rows[0]!.orderStatus !== 'paid';
  });
  expect(misapplied.map((d) => ({ payment: d.paymentId, ledger: byPayment.get(d.paymentId) ?? [] })), 'payments not applied exactly once').toEqual([]);

  // 4. Stock: once unpaid orders have expired and marked counters are recounted, MySQL's reserved
  // units are exactly what open orders hold, and every Redis counter equals stock − reserved.
  await waitFor('unpaid orders expired', async () => (await db.select({ n: count() }).from(orders).where(eq(orders.status, 'pending')))[0]!.n === 0, 30_000, 250);
  await waitFor('stale counters recounted', () => settledTwice(), 60_000, 250);
  const state = await stockState();
  // A counter may be absent (Redis restarted, the SKU not sold since): checkout loads it from MySQL
  // on first use. A SKU that open orders hold must have one (their holds were rebuilt with it).
  const isCounterOff = (s: (typeof state)[number]) => (s.counter === null ? s.held > 0 : s.counter !== s.stock - s.reserved);
  expect(state.filter((s) => s.stock !== STOCK || s.reserved !== s.held || isCounterOff(s)), 'SKUs whose stock, reserved units or Redis counter disagree').toEqual([]);
  expect(state.filter((s) => s.counter !== null).length, 'counters compared').toBeGreaterThan(0);

  // 5. The same server process answered throughout and serves normally now.
  expect(server.pid).toBe(serverPid);
  expect((await fetch(`${server.url}/api/internal/stats`)).status).toBe(200);

  const after = answers.filter((a) => a.at >= back);
  const firstOk = after.filter((a) => a.status === 201 || a.status === 200).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
  expect(firstOk, 'served again after the fault').toBeDefined();
  const recoverMs = firstOk!.at + firstOk!.ms - back;
  expect(recoverMs, 'time from the service being back to the first order or payment accepted').toBeLessThan(10_000);
  const refusals = unavailable.filter((a) => a.at >= down).sort(byEnd);
  const retriedTo201 = placed.filter((a) => a.answers.some((x) => x.status === 503));
  const retried = load.deliveries.reduce((n, d) => n + d.answers.filter((a) => a.status !== 200).length, 0);
  report.push({
    fault,
    requests: answers.length,
    placed: placed.length,
    refusedOutOfStock: load.attempts.filter((a) => a.outcome === 'refused').length,
    answered503: unavailable.length,
    degraded201: answers.filter((a) => a.status === 201 && a.degraded).length,
    webhooksAcknowledged: load.deliveries.filter((d) => d.isAcknowledged).length,
    webhookRetries: retried,
    paymentsFlagged: ledger.filter((l) => l.status === 'flagged').length,
    lost: lost.length,
    countersCompared: state.filter((s) => s.counter !== null).length,
    retriedTo201: retriedTo201.length,
    // The request that got the 503 had committed the order (its answer was lost with the connection); the retry found it.
    committedThough503: retriedTo201.filter((a) => a.answers.some((x) => x.status === 503 && x.at + x.ms > stored.get(a.ref)!.createdAt.getTime())).length,
    downMs: back - down,
    firstRefusalMs: refusals[0] ? refusals[0].at + refusals[0].ms - down : null,
    recoverMs,
    last503AfterBackMs: refusals.length > 0 ? Math.max(0, refusals.at(-1)!.at + refusals.at(-1)!.ms - back) : null,
    timeline: timeline(load, down),
  });
}

let lastUnsettled = -1;
/** No SKU marked stale on two looks more than a job tick apart (marks held in the server's memory are written on the next tick). */
async function settledTwice(): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(skus).where(isNotNull(skus.counterStaleAt));
  const isSettled = row!.n === 0 && lastUnsettled === 0;
  lastUnsettled = row!.n;
  if (!isSettled) await sleep(1_200);
  return isSettled;
}

async function stockState() {
  const rows = await db.select({ id: skus.id, stock: skus.stock, reserved: skus.reserved }).from(skus).where(inArray(skus.id, skuIds));
  const held = await db
    .select({ skuId: orderItems.skuId, units: sql<string>`sum(${orderItems.quantity})` })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(inArray(orderItems.skuId, skuIds), inArray(orders.status, ['pending', 'paid', 'purchasing'])))
    .groupBy(orderItems.skuId);
  const values = await counters.mget<(string | number | null)[]>(...rows.map((r) => stockKey(DATABASE, r.id)));
  return rows.map((r, i) => ({
    skuId: r.id,
    stock: r.stock,
    reserved: r.reserved,
    held: Number(held.find((h) => h.skuId === r.id)?.units ?? 0),
    counter: values[i] === null ? null : Number(values[i]),
  }));
}
