import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseName } from '@/db/client';
import { auditLog, orderEvents, products, skus } from '@/db/schema';
import { createPartnerOrder } from '@/lib/api/create-partner-order';
import { DEFAULT_DEMO_SEED } from '@/lib/catalog/demo';
import { placeOrder, type CheckoutDeps } from '@/lib/checkout/place-order';
import type { UpstreamCheckOptions } from '@/lib/checkout/verify-upstream-stock';
import { AppError } from '@/lib/errors';
import { readCounters, seedCounters } from '@/lib/inventory/redis-stock';
import { createAlibaba1688Connector } from '@/lib/suppliers/alibaba-1688';
import { alibaba1688Keys } from '@/lib/suppliers/alibaba-1688/keys';
import { resetConnectors } from '@/lib/suppliers/registry';
import type { SupplierConnector } from '@/lib/suppliers/types';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from '@/sandboxes/alibaba-1688/sandbox';
import { createCheckoutWorld, orderInput, type CheckoutWorld } from '../support/checkout-fixtures';

const SECRET = 'ferry-test-1688-secret';
const REFRESH = 'ferry-test-1688-refresh';
const APP_KEY = '8068168';

let world: CheckoutWorld;
let sandbox: Alibaba1688Sandbox;
let connector: SupplierConnector;
let lines: { skuId: number; productId: number; offerId: string; sourceSkuId: string }[];
const saved = { ...process.env };

const keys = (baseUrl: string) =>
  alibaba1688Keys({ ALIBABA_1688_BASE_URL: baseUrl, ALIBABA_1688_APP_KEY: APP_KEY, ALIBABA_1688_APP_SECRET: SECRET, ALIBABA_1688_REFRESH_TOKEN: REFRESH });

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_upstream_check', 8);
  sandbox = await startAlibaba1688Sandbox({
    appKey: APP_KEY,
    appSecret: SECRET,
    refreshToken: REFRESH,
    offers: 50,
    seed: DEFAULT_DEMO_SEED,
    rate: 1000,
    tokenTtlSeconds: 3600,
    pushUrl: null,
  });
  connector = createAlibaba1688Connector(keys(sandbox.url));
  // One SKU per product, so each test has a listing of its own.
  const rows = await world.db
    .select({ skuId: skus.id, productId: skus.productId, offerId: products.sourceId, sourceSkuId: skus.sourceSkuId })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .orderBy(asc(skus.id));
  lines = [...new Map(rows.map((r) => [r.productId, r])).values()];
});
afterAll(async () => {
  process.env = saved;
  resetConnectors();
  await sandbox?.close();
  await world?.close();
});
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
});

const deps = (check: UpstreamCheckOptions = {}): CheckoutDeps => ({
  db: world.db,
  redis: world.redis,
  upstreamCheck: { isEnabled: true, connectorFor: () => connector, ...check },
});

async function upstreamStock(line: (typeof lines)[number], stock: number) {
  const res = await fetch(`${sandbox.url}/__sandbox/offers/${line.offerId}/skus/${line.sourceSkuId}`, { method: 'POST', body: JSON.stringify({ stock }) });
  expect(res.status).toBe(200);
}
async function shadow(line: (typeof lines)[number], stock: number) {
  await world.db.update(skus).set({ stock, reserved: 0, stockSourceAt: null }).where(eq(skus.id, line.skuId));
}
async function skuRow(skuId: number) {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved, stockSourceAt: skus.stockSourceAt }).from(skus).where(eq(skus.id, skuId));
  return row!;
}
async function createdPayload(orderId: number) {
  const [event] = await world.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, 'order.created')));
  return event!.payload as { upstream: { isVerified: boolean; reason: string | null } };
}
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('checkout checks stock upstream in real time', () => {
  it('places the order and records it as verified when the upstream has the units', async () => {
    const line = lines[0]!;
    await shadow(line, 20);
    await upstreamStock(line, 20);
    const { order } = await placeOrder(deps(), orderInput(line.skuId, 3, randomUUID()));
    expect((await createdPayload(order.id)).upstream).toEqual({ isVerified: true, reason: null });
    const [audit] = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.created'), eq(auditLog.subjectId, String(order.id))));
    expect(audit!.details).toMatchObject({ upstream: { isVerified: true } });
  });

  it('refuses with out_of_stock when the upstream has fewer units than the shadow, and corrects the shadow', async () => {
    const line = lines[1]!;
    await shadow(line, 50);
    await seedCounters(world.redis, databaseName(world.db), new Map([[line.skuId, 50]]));
    await upstreamStock(line, 2);
    const before = Date.now();
    const error = await refusal(placeOrder(deps(), orderInput(line.skuId, 3, randomUUID())));
    expect({ code: error.code, details: error.details }).toEqual({ code: 'out_of_stock', details: { skuId: line.skuId, available: 2 } });
    const row = await skuRow(line.skuId);
    expect(row).toMatchObject({ stock: 2, reserved: 0 });
    expect(row.stockSourceAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await readCounters(world.redis, databaseName(world.db), [line.skuId])).get(line.skuId)).toBeNull();

    // What is really there can still be bought, and then nothing more.
    const { order } = await placeOrder(deps(), orderInput(line.skuId, 2, randomUUID()));
    expect((await createdPayload(order.id)).upstream.isVerified).toBe(true);
    expect((await refusal(placeOrder(deps(), orderInput(line.skuId, 1, randomUUID())))).code).toBe('out_of_stock');
  });

  it('refuses a listing taken off sale upstream', async () => {
    const line = lines[2]!;
    await shadow(line, 10);
    expect((await fetch(`${sandbox.url}/__sandbox/offers/${line.offerId}/off-sale`, { method: 'POST' })).status).toBe(200);
    const error = await refusal(placeOrder(deps(), orderInput(line.skuId, 1, randomUUID())));
    expect({ code: error.code, details: error.details }).toEqual({ code: 'out_of_stock', details: { skuId: line.skuId, available: 0 } });
    const [product] = await world.db.select({ isActive: products.isActive }).from(products).where(eq(products.id, line.productId));
    expect(product!.isActive).toBe(0);
    expect((await skuRow(line.skuId)).stock).toBe(0);
  });
});

describe('a flash sale', () => {
  it('asks the marketplace about a listing once for many buyers at the same moment, and sells the shadow exactly', async () => {
    const line = lines[7]!;
    await shadow(line, 5);
    await upstreamStock(line, 100);
    await fetch(`${sandbox.url}/__sandbox/stats`, { method: 'DELETE' });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => placeOrder(deps(), orderInput(line.skuId, 1, randomUUID())).then(() => 'ok', (e: AppError) => e.code)),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'out_of_stock')).toBe(true);
    const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { calls: Record<string, number> };
    expect(Object.values(stats.calls).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
  });
});

describe('fallback: an upstream that cannot answer in time does not stop checkout', () => {
  it('sells from the shadow stock, quickly, when the upstream is unreachable', async () => {
    const line = lines[3]!;
    await shadow(line, 5);
    const closed = createAlibaba1688Connector(keys('http://127.0.0.1:9'));
    const started = Date.now();
    const { order } = await placeOrder(deps({ connectorFor: () => closed }), orderInput(line.skuId, 2, randomUUID()));
    expect(Date.now() - started).toBeLessThan(2000);
    const { upstream } = await createdPayload(order.id);
    expect(upstream.isVerified).toBe(false);
    expect(upstream.reason).toMatch(/unavailable|timeout|error/);
    // The shadow still guards: 3 left, 4 refused.
    expect((await refusal(placeOrder(deps({ connectorFor: () => closed }), orderInput(line.skuId, 4, randomUUID())))).code).toBe('out_of_stock');
  });

  it('sells from the shadow stock within about two seconds when the upstream hangs', async () => {
    const line = lines[4]!;
    await shadow(line, 5);
    await upstreamStock(line, 0);
    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ timeoutRate: 1 }) });
    const started = Date.now();
    const { order } = await placeOrder(deps({ timeoutMs: 1500 }), orderInput(line.skuId, 1, randomUUID()));
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await createdPayload(order.id)).upstream).toEqual({ isVerified: false, reason: 'timeout' });
    expect(await skuRow(line.skuId)).toMatchObject({ stock: 5, reserved: 1 });
  });

  it('is skipped entirely with UPSTREAM_CHECK=off', async () => {
    const line = lines[5]!;
    await shadow(line, 5);
    await upstreamStock(line, 0);
    const { order } = await placeOrder(deps({ isEnabled: false }), orderInput(line.skuId, 1, randomUUID()));
    expect((await createdPayload(order.id)).upstream).toEqual({ isVerified: false, reason: 'disabled' });
  });
});

describe('the open API', () => {
  it('gets the same check through placeOrder, configured from env', async () => {
    Object.assign(process.env, {
      UPSTREAM_CHECK: 'on',
      ALIBABA_1688_BASE_URL: sandbox.url,
      ALIBABA_1688_APP_KEY: APP_KEY,
      ALIBABA_1688_APP_SECRET: SECRET,
      ALIBABA_1688_REFRESH_TOKEN: REFRESH,
    });
    resetConnectors();
    const line = lines[6]!;
    await shadow(line, 40);
    await upstreamStock(line, 1);
    const partner = { keyId: `pk_${randomUUID().slice(0, 8)}`, name: 'Partner', rateLimit: 600 };
    const body = {
      items: [{ skuId: line.skuId, quantity: 2 }],
      currency: 'EUR',
      shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES', phone: '+34911234567' },
    };
    const error = await refusal(createPartnerOrder({ db: world.db, redis: world.redis }, 'http://ferry.test', partner, body, randomUUID()));
    expect({ code: error.code, status: error.status, details: error.details }).toEqual({ code: 'out_of_stock', status: 409, details: { skuId: line.skuId, available: 1 } });
    expect((await skuRow(line.skuId)).stock).toBe(1);
    const placed = await createPartnerOrder({ db: world.db, redis: world.redis }, 'http://ferry.test', partner, { ...body, items: [{ skuId: line.skuId, quantity: 1 }] }, randomUUID());
    expect(placed.order.status).toBe('pending');
  });
});
