import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { asc, eq, gt, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { orders, paymentLedger, skus } from '@/db/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import type { GatewayName } from '@/lib/orders/types';
import { demoSecretValues } from '@/lib/demo-secrets';
import { orderInput } from '../support/checkout-fixtures';

// Runs against the production server `npm test` starts (scripts/test.sh), a shop that accepts both
// the sandbox gateway (its gateway) and Stripe (STRIPE_WEBHOOK_SECRET is set): each gateway's
// secret vouches only for its own orders. Orders are placed in the server's own database.
const base = process.env.FERRY_TEST_BASE_URL!;
// Ports for the short-lived production starts below, beside the test server's own.
const refusedPort = Number(new URL(base).port) + 97;
const ownPort = refusedPort + 1;
const SANDBOX_SECRET = process.env.SANDBOX_WEBHOOK_SECRET || demoSecretValues.SANDBOX_WEBHOOK_SECRET;
const STRIPE_SECRET = process.env.STRIPE_WEBHOOK_SECRET!;
const stripe = new Stripe('sk_test_unused');

let db: Database;
let redis: Redis;
let skuId: number;

beforeAll(async () => {
  expect(STRIPE_SECRET, 'scripts/test.sh sets STRIPE_WEBHOOK_SECRET for the test server').toBeTruthy();
  db = databaseFor(process.env.DATABASE_URL!);
  redis = new Redis({ url: process.env.UPSTASH_REDIS_REST_URL!, token: process.env.UPSTASH_REDIS_REST_TOKEN || demoSecretValues.UPSTASH_REDIS_REST_TOKEN, enableTelemetry: false });
  const [sku] = await db.select({ id: skus.id }).from(skus).where(gt(sql`${skus.stock} - ${skus.reserved}`, 20)).orderBy(asc(skus.id)).limit(1).offset(40);
  skuId = sku!.id;
});
afterAll(async () => closeDatabases());

async function order(gateway: GatewayName) {
  const { order } = await placeOrder({ db, redis }, orderInput(skuId, 1, randomUUID(), { gateway }));
  return order;
}

function event(type: string, object: Record<string, unknown>) {
  return JSON.stringify({ id: `evt_${randomUUID()}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
}
const succeeded = (o: { number: string; chargeMinor: number; chargeCurrency: string }, pi = `pi_${randomUUID()}`) =>
  event('payment_intent.succeeded', { id: pi, object: 'payment_intent', amount: o.chargeMinor, amount_received: o.chargeMinor, currency: o.chargeCurrency.toLowerCase(), metadata: { order_number: o.number } });

async function post(source: string, body: string, secret: string, origin = base) {
  return fetch(`${origin}/api/webhooks/payments/${source}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.webhooks.generateTestHeaderString({ payload: body, secret }) },
    body,
  });
}

/** Waits until the server has processed what it acknowledged (it applies events after the 2xx). */
async function ledgerOf(orderId: number, rows: number) {
  for (let i = 0; i < 100; i++) {
    const ledger = await db.select().from(paymentLedger).where(eq(paymentLedger.orderId, orderId));
    if (ledger.length >= rows) return ledger;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`order ${orderId} never got ${rows} ledger rows`);
}
/**
 * Paid, as far as payments go: the live test server's purchasing worker buys paid orders every two
 * seconds, so a paid order may already be purchasing or purchased when it is read.
 */
const paidOrLater = ['paid', 'purchasing', 'purchased'];

async function statusOf(orderId: number) {
  const [row] = await db.select({ status: orders.status, gatewayPaymentId: orders.gatewayPaymentId }).from(orders).where(eq(orders.id, orderId));
  return row!;
}

describe('a payment event from another gateway than the order’s own', () => {
  it('flags a sandbox-signed payment for a Stripe order and never marks it paid', async () => {
    const o = await order('stripe');
    const res = await post('sandbox', succeeded(o), SANDBOX_SECRET);
    expect(res.status).toBe(200);
    const [row] = await ledgerOf(o.id, 1);
    expect(row).toMatchObject({ gateway: 'sandbox', kind: 'charge', status: 'flagged' });
    expect(row!.flagReason).toContain('pays through stripe');
    expect(await statusOf(o.id)).toEqual({ status: 'pending', gatewayPaymentId: null });
  });

  it('flags a Stripe-signed payment for a sandbox order, while each gateway still pays its own orders', async () => {
    const sandboxOrder = await order('sandbox');
    expect((await post('stripe', succeeded(sandboxOrder), STRIPE_SECRET)).status).toBe(200);
    expect((await ledgerOf(sandboxOrder.id, 1))[0]).toMatchObject({ gateway: 'stripe', status: 'flagged' });
    expect((await statusOf(sandboxOrder.id)).status).toBe('pending');

    const stripeOrder = await order('stripe');
    expect((await post('stripe', succeeded(stripeOrder), STRIPE_SECRET)).status).toBe(200);
    expect((await ledgerOf(stripeOrder.id, 1))[0]).toMatchObject({ gateway: 'stripe', status: 'recorded' });
    expect(paidOrLater).toContain((await statusOf(stripeOrder.id)).status);

    // The sandbox order is paid by its own gateway afterwards: the flagged row did not use it up.
    const pi = `pi_${randomUUID()}`;
    expect((await post('sandbox', succeeded(sandboxOrder, pi), SANDBOX_SECRET)).status).toBe(200);
    await ledgerOf(sandboxOrder.id, 2);
    const sandboxPaid = await statusOf(sandboxOrder.id);
    expect(sandboxPaid.gatewayPaymentId).toBe(pi);
    expect(paidOrLater).toContain(sandboxPaid.status);
  });

  it('never refunds an order from a foreign source, nor lets that refund count against the real one', async () => {
    const o = await order('sandbox');
    const pi = `pi_${randomUUID()}`;
    await post('sandbox', succeeded(o, pi), SANDBOX_SECRET);
    await ledgerOf(o.id, 1);
    const charge = { id: `ch_${randomUUID()}`, object: 'charge', amount: o.chargeMinor, amount_refunded: o.chargeMinor, currency: o.chargeCurrency.toLowerCase(), payment_intent: pi, metadata: { order_number: o.number } };
    expect((await post('stripe', event('charge.refunded', charge), STRIPE_SECRET)).status).toBe(200);
    const ledger = await ledgerOf(o.id, 2);
    expect(ledger.find((l) => l.kind === 'refund')).toMatchObject({ gateway: 'stripe', status: 'flagged' });
    expect(paidOrLater).toContain((await statusOf(o.id)).status);
    // The order's own gateway refunding half is still counted in full.
    const half = Math.floor(o.chargeMinor / 2);
    await post('sandbox', event('charge.refunded', { ...charge, amount_refunded: half }), SANDBOX_SECRET);
    const after = await ledgerOf(o.id, 3);
    expect(after.find((l) => l.kind === 'refund' && l.gateway === 'sandbox')).toMatchObject({ amountMinor: half, status: 'recorded' });
  });

  it('answers 404 for a gateway this shop has not configured, storing nothing', async () => {
    const body = event('payment_intent.succeeded', {});
    const res = await post('paypal', body, SANDBOX_SECRET);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

/** `npm start` (scripts/serve.mjs) of the test build with the given environment; resolves with its exit code and output, or 'running'. */
function startServer(env: Record<string, string | undefined>, port: number, waitMs: number) {
  return new Promise<{ code: number | 'running'; stderr: string; stdout: string; stop: () => void }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '-p', String(port)], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (d) => (stdout += String(d)));
    const stop = () => child.kill('SIGTERM');
    const timer = setTimeout(() => resolve({ code: 'running', stderr, stdout, stop }), waitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr, stdout, stop });
    });
  });
}

const productionEnv = () => {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production' };
  delete env.FERRY_DEMO;
  for (const name of Object.keys(demoSecretValues)) delete env[name];
  delete env.PAYMENT_GATEWAY;
  delete env.STRIPE_WEBHOOK_SECRET;
  return env;
};

describe('a production start', () => {
  it('refuses published demo secrets, exiting non-zero with one line naming every one', async () => {
    const run = await startServer(productionEnv(), refusedPort, 30_000);
    run.stop();
    expect(run.code).not.toBe('running');
    expect(run.code).not.toBe(0);
    const line = run.stderr.split('\n').find((l) => l.includes('demo secrets'));
    expect(line).toBeDefined();
    for (const name of Object.keys(demoSecretValues)) expect(line).toContain(name);
  });

  it('starts with secrets of its own, and then the sandbox gateway (not configured) answers 404 to its published secret', async () => {
    const env = {
      ...productionEnv(),
      NEXTAUTH_SECRET: randomUUID(),
      FERRY_SECRET_KEY: randomUUID() + randomUUID(),
      UPSTASH_REDIS_REST_TOKEN: 'own-redis-token-for-this-check',
      ALIBABA_1688_APP_SECRET: randomUUID(),
      ALIBABA_1688_REFRESH_TOKEN: randomUUID(),
      TRACKING_17TRACK_KEY: randomUUID(),
      PAYMENT_GATEWAY: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_own',
      STRIPE_WEBHOOK_SECRET: 'whsec_own_production_secret',
      SITE_URL: `http://localhost:${ownPort}`,
      FERRY_JOBS_INTERVAL_SECONDS: '3600',
    };
    const run = await startServer(env, ownPort, 8_000);
    try {
      expect(run.code, run.stderr).toBe('running');
      const body = succeeded({ number: 'FR000000-000000', chargeMinor: 100, chargeCurrency: 'USD' });
      let res: Response | undefined;
      for (let i = 0; i < 50 && !res; i++) {
        res = await post('sandbox', body, SANDBOX_SECRET, `http://127.0.0.1:${ownPort}`).catch(() => undefined);
        if (!res) await new Promise((r) => setTimeout(r, 200));
      }
      expect(res?.status).toBe(404);
    } finally {
      run.stop();
    }
  });
});
