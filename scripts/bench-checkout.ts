/**
 * Checkout benchmark: `npm run bench:checkout [-- --no-build]`.
 *
 * Builds into .next-bench and serves it on 127.0.0.1:3300 (BENCH_PORT) against its own database
 * (ferry_bench_checkout, recreated each run, 20 demo products) and the real Redis through a private
 * Upstash bridge, with unpaid reservations expiring after 15 s. Then:
 * 1. flash sale: 2,000 buyers at once POST /api/v1/orders (signed) for one SKU holding 100 units;
 *    exactly 100 must be sold, the rest refused with out_of_stock; after the reservations expire,
 *    every unit must be back and the Redis counter must equal MySQL's sellable stock;
 * 2. webhook storm: 1,000 pending orders, each paid by one signed `payment_intent.succeeded`
 *    delivered 5 times at once; each payment must be recorded once and each order paid once.
 * Appends the results to docs/benchmarks.md; exits non-zero when a check fails.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from '@upstash/redis';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { databaseFor, databaseName } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { orderItems, orders, paymentLedger, skus, webhookEvents } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { placeOrder } from '@/lib/checkout/place-order';
import { getEnv } from '@/lib/env';
import { demoSecretValues } from '@/lib/demo-secrets';
import { readCounters } from '@/lib/inventory/redis-stock';
import { setStock } from '@/lib/inventory/set-stock';
import { updateSettings } from '@/lib/settings/update-settings';
import { startBridge } from '@/sandboxes/upstash-bridge/bridge';
import { signedHeaders } from '@/tests/support/api-client';
import { burstAgent, countBy, percentile, post } from './bench/http-post';
import { appendBenchmarkSection, describeMachine, machineLines, markdownTable, stamp, verdict } from './bench/report';
import { benchDistDir, buildForBench, ensureServices, onCleanup, runBench, startBenchServer } from './bench/server';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DB_URL = 'mysql://root@127.0.0.1:3306/ferry_bench_checkout';
const BRIDGE_TOKEN = 'ferry-bench-checkout-token';
const BUYERS = 2000;
const UNITS = 100;
const PAYMENTS = 1000;
const COPIES = 5;
const RESERVATION_MINUTES = '0.25';

type Check = { name: string; pass: boolean; detail: string };

async function waitFor(what: string, seconds: number, done: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if (await done()) return (Date.now() - started) / 1000;
    await sleep(500);
  }
  throw new Error(`${what} did not happen within ${seconds} s`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } }, strict: true });
  const startedAt = new Date();
  const machine = describeMachine();
  await ensureServices();

  log('database ferry_bench_checkout (recreated)');
  await dropDatabase(DB_URL).catch(() => undefined);
  await migrateDatabase(DB_URL);
  const db = databaseFor(DB_URL);
  await seedDemo(db, { count: 20, mediaDir: 'var/bench/media' });
  // One partner key plays every buyer here: lift its caps on unpaid orders (100 / 1000 by default)
  // above what the sale and the storm leave open at once.
  await updateSettings(db, { 'checkout.maxUnpaidOrdersPerPartner': 1_000_000, 'checkout.maxHeldUnitsPerPartner': 10_000_000 }, { type: 'cli', label: 'bench' });
  const bridge = await startBridge({ port: 0, redisUrl: getEnv().REDIS_URL, token: BRIDGE_TOKEN });
  onCleanup(() => bridge.close());
  const redis = new Redis({ url: bridge.url, token: BRIDGE_TOKEN, enableTelemetry: false });
  const scope = databaseName(db);

  // The build prerenders storefront pages from the database it is given: this one.
  process.env.DATABASE_URL = DB_URL;
  log(`build into ${benchDistDir}`);
  await buildForBench(values['no-build'] === true);
  const server = await startBenchServer(undefined, {
    DATABASE_URL: DB_URL,
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: BRIDGE_TOKEN,
    RESERVATION_MINUTES,
    FERRY_JOBS_INTERVAL_SECONDS: '2',
    DATABASE_POOL_SIZE: '20',
  });
  const partner = await createPartnerKey(db, { name: 'flash-sale bench', rateLimit: 100_000 });
  const checks: Check[] = [];

  // --- 1. flash sale -----------------------------------------------------------------------------
  const [saleSku, paySku] = await db.select({ id: skus.id }).from(skus).orderBy(skus.id).limit(2);
  await setStock(db, redis, saleSku!.id, UNITS, { type: 'cli', label: 'bench' });
  await db.update(skus).set({ reserved: 0 }).where(eq(skus.id, saleSku!.id));
  const path = '/api/v1/orders';
  const address = { name: 'Bench Buyer', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE', phone: '+4930123456' };
  const requests = Array.from({ length: BUYERS }, (_, i) => {
    const body = JSON.stringify({ items: [{ skuId: saleSku!.id, quantity: 1 }], currency: 'EUR', shippingAddress: address, externalRef: `buyer-${i}` });
    return { body, headers: { ...signedHeaders(partner, 'POST', path, body), 'Idempotency-Key': randomUUID() } };
  });
  const agent = burstAgent(BUYERS);
  log(`flash sale: ${BUYERS} buyers, ${UNITS} units`);
  const saleStart = performance.now();
  const results = await Promise.all(requests.map((r) => post(agent, `${server.baseUrl}${path}`, r.headers, r.body)));
  const saleSeconds = (performance.now() - saleStart) / 1000;
  agent.destroy();
  const statuses = countBy(results, (r) => r.status);
  const sold = results.filter((r) => r.status === 201).length;
  const refused = results.filter((r) => r.status === 409 && r.body.includes('"out_of_stock"')).length;
  const degraded = results.filter((r) => r.status === 201 && r.body.includes('degraded')).length;
  const [held] = await db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, saleSku!.id));
  const [ordersForSku] = await db.select({ n: count() }).from(orderItems).where(eq(orderItems.skuId, saleSku!.id));
  const counterAfterSale = (await readCounters(redis, scope, [saleSku!.id])).get(saleSku!.id);
  checks.push({ name: `exactly ${UNITS} sold`, pass: sold === UNITS && ordersForSku!.n === UNITS, detail: `${sold} × 201, ${ordersForSku!.n} order lines` });
  checks.push({ name: 'everyone else refused with out_of_stock', pass: refused === BUYERS - UNITS, detail: `statuses ${JSON.stringify(statuses)}` });
  checks.push({ name: 'stock withheld = sold, Redis counter 0', pass: held!.reserved === UNITS && counterAfterSale === 0, detail: `reserved ${held!.reserved}, counter ${counterAfterSale}` });

  log('waiting for the unpaid reservations to expire');
  const expirySeconds = await waitFor('reservation expiry', 90, async () => {
    const [row] = await db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, saleSku!.id));
    return row!.reserved === 0;
  });
  const [afterExpiry] = await db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, saleSku!.id));
  const counterAfterExpiry = (await readCounters(redis, scope, [saleSku!.id])).get(saleSku!.id);
  const [cancelled] = await db
    .select({ n: count() })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(eq(orderItems.skuId, saleSku!.id), eq(orders.status, 'cancelled')));
  checks.push({
    name: 'after expiry: all units back, Redis = MySQL',
    pass: afterExpiry!.reserved === 0 && afterExpiry!.stock === UNITS && counterAfterExpiry === UNITS && cancelled!.n === UNITS,
    detail: `stock ${afterExpiry!.stock}, reserved ${afterExpiry!.reserved}, Redis counter ${counterAfterExpiry}, ${cancelled!.n} orders cancelled`,
  });

  // --- 2. webhook storm ---------------------------------------------------------------------------
  log(`webhook storm: ${PAYMENTS} orders, each payment delivered ${COPIES} times at once`);
  await setStock(db, redis, paySku!.id, PAYMENTS, { type: 'cli', label: 'bench' });
  const env = { ...getEnv(), DATABASE_URL: DB_URL, RESERVATION_MINUTES: 60 };
  const placed: { number: string; chargeMinor: number; chargeCurrency: string; id: number }[] = [];
  for (let i = 0; i < PAYMENTS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, PAYMENTS - i) }, () =>
        placeOrder(
          { db, redis, env },
          { items: [{ skuId: paySku!.id, quantity: 1 }], currency: 'USD', shippingAddress: address, checkoutToken: randomUUID(), locale: 'en', customer: { type: 'partner', partnerKeyId: partner.keyId } },
        ),
      ),
    );
    placed.push(...batch.map((b) => b.order));
  }
  const stripe = new Stripe('sk_test_unused');
  const secret = process.env.SANDBOX_WEBHOOK_SECRET || demoSecretValues.SANDBOX_WEBHOOK_SECRET;
  const deliveries = placed.flatMap((order) => {
    const body = JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: `pi_${randomUUID()}`, object: 'payment_intent', amount: order.chargeMinor, amount_received: order.chargeMinor, currency: order.chargeCurrency.toLowerCase(), metadata: { order_number: order.number } } },
    });
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    return Array.from({ length: COPIES }, () => ({ body, headers: { 'content-type': 'application/json', 'stripe-signature': header } }));
  });
  const hookAgent = burstAgent(250);
  const hookUrl = `${server.baseUrl}/api/webhooks/payments/sandbox`;
  const stormStart = performance.now();
  let first = await Promise.all(deliveries.map((d) => post(hookAgent, hookUrl, d.headers, d.body)));
  const stormSeconds = (performance.now() - stormStart) / 1000;
  const firstStatuses = countBy(first, (r) => r.status);
  // A gateway retries non-2xx answers; so does the bench, until every delivery was acknowledged.
  let retried = 0;
  for (let round = 0; round < 5; round++) {
    const failed = deliveries.filter((_, i) => first[i]!.status !== 200);
    if (failed.length === 0) break;
    retried += failed.length;
    const again = await Promise.all(failed.map((d) => post(hookAgent, hookUrl, d.headers, d.body)));
    let k = 0;
    first = first.map((r) => (r.status !== 200 ? again[k++]! : r));
  }
  hookAgent.destroy();
  const ids = placed.map((o) => o.id);
  const appliedSeconds = await waitFor('all payments applied', 120, async () => {
    const [paid] = await db.select({ n: count() }).from(orders).where(and(inArray(orders.id, ids), eq(orders.status, 'paid')));
    return paid!.n === PAYMENTS;
  });
  const [ledger] = await db.select({ rows: count(), orders: sql<number>`count(distinct ${paymentLedger.orderId})` }).from(paymentLedger).where(inArray(paymentLedger.orderId, ids));
  const [events] = await db.select({ rows: count(), deliveries: sql<number>`sum(${webhookEvents.deliveries})` }).from(webhookEvents);
  checks.push({ name: 'every delivery acknowledged', pass: first.every((r) => r.status === 200), detail: `first pass ${JSON.stringify(firstStatuses)}, ${retried} retried` });
  checks.push({ name: 'each payment recorded once', pass: ledger!.rows === PAYMENTS && Number(ledger!.orders) === PAYMENTS, detail: `${ledger!.rows} ledger rows for ${ledger!.orders} orders` });
  checks.push({ name: 'each event stored once', pass: events!.rows === PAYMENTS, detail: `${events!.rows} events, ${events!.deliveries} deliveries counted` });

  const latencies = results.map((r) => r.ms);
  const hookLatencies = first.map((r) => r.ms);
  const lines = [
    `## ${stamp(startedAt)} — checkout: flash sale and webhook storm`,
    '',
    '`npm run bench:checkout` — next start on 127.0.0.1, its own database (20 demo products), Redis through the Upstash bridge.',
    '',
    ...machineLines(machine),
    '',
    ...markdownTable(
      ['run', 'requests', 'wall time', 'throughput', 'p50', 'p99'],
      [
        [`flash sale: ${BUYERS} buyers at once, ${UNITS} units`, BUYERS, `${saleSeconds.toFixed(2)} s`, `${(BUYERS / saleSeconds).toFixed(0)} checkouts/s (${(sold / saleSeconds).toFixed(0)} orders/s)`, `${percentile(latencies, 50).toFixed(0)} ms`, `${percentile(latencies, 99).toFixed(0)} ms`],
        [`webhook storm: ${PAYMENTS} payments × ${COPIES}`, deliveries.length, `${stormSeconds.toFixed(2)} s`, `${(deliveries.length / stormSeconds).toFixed(0)} deliveries/s`, `${percentile(hookLatencies, 50).toFixed(0)} ms`, `${percentile(hookLatencies, 99).toFixed(0)} ms`],
      ],
    ),
    '',
    `Reservations expired and returned in ${expirySeconds.toFixed(0)} s after the sale (RESERVATION_MINUTES=${RESERVATION_MINUTES}, sweep every 2 s); all payments applied ${appliedSeconds.toFixed(1)} s after the storm ended. ${degraded} orders ran without Redis.`,
    '',
    ...markdownTable(['check', 'result', 'detail'], checks.map((c) => [c.name, verdict(c.pass), c.detail])),
  ];
  appendBenchmarkSection(lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  await server.stop();
  return checks.every((c) => c.pass) ? 0 : 1;
}

runBench(main);
