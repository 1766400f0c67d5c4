import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { products, searchTerms, skus } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { apiIdempotency } from '@/db/schema/partners';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, STALE_AFTER_MS } from '@/lib/api/idempotency';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { AppError } from '@/lib/errors';
import { signedFetch, type ApiCredentials } from '../support/api-client';

// Runs against the production server that `npm test` starts (scripts/test.sh) on the seeded test
// database (1000 demo products); partner keys are created directly in that database.
const base = process.env.FERRY_TEST_BASE_URL!;
const dbUrl = process.env.DATABASE_URL!;

let db: Database;
let partner: ApiCredentials;
let otherPartner: ApiCredentials;
const restoreStock: { id: number; stock: number }[] = [];

type ErrorBody = { error: { code: string; message: string; details?: { fields?: { field: string }[] } } };
type Product = { id: number; title: string; source: Record<string, string>; skus: Sku[] };
type Sku = { id: number; sourceSkuId: string; attributes: Record<string, string>; price: { amountMinor: number; currency: string }; stock: number };
type PlacedOrder = {
  orderNumber: string;
  status: string;
  charge: { amountMinor: number; currency: string; rate: string };
  payment: { gateway: string; paymentUrl: string };
};

const call = (credentials: ApiCredentials, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  signedFetch(base, credentials, method, path, body, headers);

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  const body = (await res.json()) as ErrorBody;
  expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

const address = {
  name: 'Jane Doe',
  line1: '1 Market Street',
  line2: 'Suite 100',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
  phone: '+1 415 555 0132',
};

/** SKUs of active products with plenty to sell, none touched by another test in this file. */
async function sellableSkus(n: number, offset = 0): Promise<number[]> {
  const rows = await db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(products.isActive, 1), sql`${skus.stock} - ${skus.reserved} >= 50`))
    .orderBy(asc(skus.id))
    .limit(n)
    .offset(offset);
  expect(rows).toHaveLength(n);
  return rows.map((r) => r.id);
}

async function orderCount(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orders);
  return row!.n;
}

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  db = databaseFor(dbUrl);
  partner = await createPartnerKey(db, { name: 'open-api test partner', createdBy: 'tests' });
  otherPartner = await createPartnerKey(db, { name: 'open-api other partner', createdBy: 'tests' });
});

afterAll(async () => {
  for (const { id, stock } of restoreStock) await db.update(skus).set({ stock }).where(eq(skus.id, id));
  await closeDatabases();
});

describe('open API: catalog', () => {
  it('lists active products by id, with the contract shape and no caching', async () => {
    const res = await call(partner, 'GET', '/api/v1/products?page=2&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = (await res.json()) as { items: Product[]; page: number; pageSize: number; total: number };
    const [active] = await db.select({ n: count() }).from(products).where(eq(products.isActive, 1));
    expect({ page: body.page, pageSize: body.pageSize, total: body.total }).toEqual({ page: 2, pageSize: 5, total: active!.n });
    const ids = await db.select({ id: products.id }).from(products).where(eq(products.isActive, 1)).orderBy(asc(products.id)).limit(5).offset(5);
    expect(body.items.map((p) => p.id)).toEqual(ids.map((r) => r.id));

    const product = body.items[0]!;
    expect(Object.keys(product).sort()).toEqual(['id', 'skus', 'source', 'title']);
    expect(Object.keys(product.source).sort()).toEqual(['id', 'platform', 'url']);
    expect(product.title.length).toBeGreaterThan(0);
    expect(product.skus.length).toBeGreaterThan(0);
    for (const sku of product.skus) {
      expect(Object.keys(sku).sort()).toEqual(['attributes', 'id', 'price', 'sourceSkuId', 'stock']);
      expect(sku.price.currency).toBe('CNY');
      expect(Number.isSafeInteger(sku.price.amountMinor)).toBe(true);
      expect(typeof sku.attributes).toBe('object');
      expect(Array.isArray(sku.attributes)).toBe(false);
      const [row] = await db.select({ stock: skus.stock, reserved: skus.reserved, priceMinor: skus.priceMinor }).from(skus).where(eq(skus.id, sku.id));
      expect(sku.stock).toBe(Math.max(0, row!.stock - row!.reserved));
      expect(sku.price.amountMinor).toBe(row!.priceMinor);
    }

    const defaults = (await (await call(partner, 'GET', '/api/v1/products')).json()) as { items: Product[]; page: number; pageSize: number };
    expect([defaults.page, defaults.pageSize, defaults.items.length]).toEqual([1, 20, 20]);
  });

  it('searches with q through the keyword index', async () => {
    // A Latin term that a handful of products carry: every one of them must come back.
    const [term] = await db
      .select({ term: searchTerms.term, n: count() })
      .from(searchTerms)
      .where(sql`${searchTerms.term} regexp '^[a-z]{5,}$'`)
      .groupBy(searchTerms.term)
      .having(sql`count(*) between 2 and 50`)
      .orderBy(asc(searchTerms.term))
      .limit(1);
    expect(term).toBeTruthy();
    const expected = await db.select({ id: searchTerms.productId }).from(searchTerms).where(eq(searchTerms.term, term!.term));

    const res = await call(partner, 'GET', `/api/v1/products?q=${encodeURIComponent(term!.term)}&pageSize=100`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Product[]; total: number };
    expect(body.total).toBe(expected.length);
    expect(body.items.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));

    const none = (await (await call(partner, 'GET', '/api/v1/products?q=qqzzxxnomatch')).json()) as { items: Product[]; total: number };
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('shows one product as the list does, and 404s unknown ones', async () => {
    const list = (await (await call(partner, 'GET', '/api/v1/products?pageSize=1')).json()) as { items: Product[] };
    const first = list.items[0]!;
    const res = await call(partner, 'GET', `/api/v1/products/${first.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(first);

    await expectError(await call(partner, 'GET', '/api/v1/products/99999999'), 404, 'not_found');
    await expectError(await call(partner, 'GET', '/api/v1/products/abc'), 404, 'not_found');
  });

  it('400s pages out of bounds', async () => {
    for (const query of ['page=0', 'page=-1', 'page=x', 'pageSize=0', 'pageSize=101', 'pageSize=1.5']) {
      await expectError(await call(partner, 'GET', `/api/v1/products?${query}`), 400, 'bad_request');
    }
  });
});

describe('open API: signatures', () => {
  it('401s an unknown key', async () => {
    await expectError(await call({ keyId: 'pk_000000000000000000000000', secret: 'nope' }, 'GET', '/api/v1/products'), 401, 'unauthorized');
  });

  it('401s a request without signature headers', async () => {
    await expectError(await fetch(`${base}/api/v1/products`), 401, 'unauthorized');
  });

  it('401s a bad signature, including a body or query changed after signing', async () => {
    await expectError(await call(partner, 'GET', '/api/v1/products', undefined, { 'X-Signature': '0'.repeat(64) }), 401, 'unauthorized');
    await expectError(await call({ ...partner, secret: `${partner.secret}x` }, 'GET', '/api/v1/products'), 401, 'unauthorized');
  });

  it('401s a timestamp 400 s old', async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 400);
    const body = await expectError(await call(partner, 'GET', '/api/v1/products', undefined, { 'X-Timestamp': stale }), 401, 'unauthorized');
    expect(body.error.message).toMatch(/timestamp/i);
  });

  it('401s the same signed request sent twice (replayed nonce)', async () => {
    const headers = { 'X-Nonce': `replay-${Date.now()}-abcdefgh`, 'X-Timestamp': String(Math.floor(Date.now() / 1000)) };
    expect((await call(partner, 'GET', '/api/v1/products?pageSize=1', undefined, headers)).status).toBe(200);
    const body = await expectError(await call(partner, 'GET', '/api/v1/products?pageSize=1', undefined, headers), 401, 'unauthorized');
    expect(body.error.message).toMatch(/nonce/i);
  });

  it('400s a malformed nonce', async () => {
    await expectError(await call(partner, 'GET', '/api/v1/products', undefined, { 'X-Nonce': 'too-short' }), 400, 'bad_request');
    await expectError(await call(partner, 'GET', '/api/v1/products', undefined, { 'X-Nonce': 'has*invalid*chars*0000' }), 400, 'bad_request');
  });

  it('429s past the key’s own rate limit, with Retry-After', async () => {
    const limited = await createPartnerKey(db, { name: 'open-api limited partner', rateLimit: 5, createdBy: 'tests' });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await call(limited, 'GET', '/api/v1/products?pageSize=1');
      statuses.push(last.status);
      if (i < 6) await last.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    await expectError(last!, 429, 'rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('open API: orders', () => {
  let skuA: number;
  let skuB: number;
  let placed: PlacedOrder;
  let placedText: string;
  const idempotencyKey = `it-order-${Date.now()}`;
  const validBody = () => ({ items: [{ skuId: skuA, quantity: 2 }, { skuId: String(skuB), quantity: 1 }], currency: 'USD', shippingAddress: address, externalRef: 'PO-1001' });

  beforeAll(async () => {
    const ids = await sellableSkus(2);
    skuA = ids[0]!;
    skuB = ids[1]!;
  });

  it('422s invalid orders, naming the field, and creates nothing', async () => {
    const before = await orderCount();
    const cases: [unknown, string][] = [
      [{ ...validBody(), shippingAddress: { ...address, postalCode: '1234' } }, 'shippingAddress.postalCode'],
      [{ ...validBody(), currency: 'XXX' }, 'currency'],
      [{ ...validBody(), items: [{ skuId: skuA, quantity: 1 }, { skuId: String(skuA), quantity: 1 }] }, 'items.1.skuId'],
      [{ ...validBody(), items: [{ skuId: skuA, quantity: 0 }] }, 'items.0.quantity'],
      [{ ...validBody(), items: [] }, 'items'],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(await call(partner, 'POST', '/api/v1/orders', body), 422, 'validation_failed');
      expect(error.error.details?.fields?.map((f) => f.field)).toContain(field);
    }
    await expectError(await call(partner, 'POST', '/api/v1/orders', '{"items": ['), 400, 'bad_request');
    expect(await orderCount()).toBe(before);
  });

  it('creates an order: 201 with the charge and a pay link', async () => {
    const res = await call(partner, 'POST', '/api/v1/orders', validBody(), { 'Idempotency-Key': idempotencyKey });
    placedText = await res.text();
    expect(res.status, placedText).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    placed = JSON.parse(placedText) as PlacedOrder;
    expect(Object.keys(placed).sort()).toEqual(['charge', 'orderNumber', 'payment', 'status']);
    expect(placed.status).toBe('pending');
    expect(placed.charge.currency).toBe('USD');
    expect(Number.isSafeInteger(placed.charge.amountMinor) && placed.charge.amountMinor > 0).toBe(true);
    expect(placed.charge.rate).toMatch(/^\d+(\.\d+)?$/);

    const [row] = await db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(row).toMatchObject({ partnerKeyId: partner.keyId, externalRef: 'PO-1001', chargeMinor: placed.charge.amountMinor, chargeCurrency: 'USD' });
    expect(placed.payment).toEqual({ gateway: row!.gateway, paymentUrl: `${base}/pay/${placed.orderNumber}/${row!.payToken}` });
  });

  it('replays the first response for the same Idempotency-Key and body', async () => {
    const before = await orderCount();
    const res = await call(partner, 'POST', '/api/v1/orders', validBody(), { 'Idempotency-Key': idempotencyKey });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(await res.text()).toBe(placedText);
    expect(await orderCount()).toBe(before);
  });

  it('422s the same Idempotency-Key with another body', async () => {
    const before = await orderCount();
    const other = { ...validBody(), items: [{ skuId: skuA, quantity: 3 }] };
    await expectError(await call(partner, 'POST', '/api/v1/orders', other, { 'Idempotency-Key': idempotencyKey }), 422, 'idempotency_mismatch');
    expect(await orderCount()).toBe(before);
  });

  it('makes one order of concurrent requests under one Idempotency-Key', async () => {
    const before = await orderCount();
    const key = `it-concurrent-${Date.now()}`;
    const body = { items: [{ skuId: skuB, quantity: 1 }], currency: 'GBP', shippingAddress: address };
    const responses = await Promise.all([0, 1, 2].map(() => call(partner, 'POST', '/api/v1/orders', body, { 'Idempotency-Key': key })));
    const results = await Promise.all(responses.map(async (r) => ({ status: r.status, text: await r.text() })));
    for (const r of results) expect([201, 409]).toContain(r.status);
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
    const retry = await call(partner, 'POST', '/api/v1/orders', body, { 'Idempotency-Key': key });
    expect([retry.status, await retry.text()]).toEqual([201, created[0]!.text]);
  });

  it('shows the partner its own order', async () => {
    const res = await call(partner, 'GET', `/api/v1/orders/${placed.orderNumber}`);
    expect(res.status).toBe(200);
    const order = (await res.json()) as PlacedOrder & { items: Record<string, unknown>[]; externalRef: string; createdAt: string };
    expect(order).toMatchObject({ orderNumber: placed.orderNumber, status: 'pending', charge: placed.charge, externalRef: 'PO-1001' });
    expect(new Date(order.createdAt).toISOString()).toBe(order.createdAt);
    expect(order.items.map((i) => [i.skuId, i.quantity]).sort()).toEqual([[skuA, 2], [skuB, 1]].sort());
    const [sku] = await db.select({ priceMinor: skus.priceMinor, productId: skus.productId }).from(skus).where(eq(skus.id, skuA));
    const line = order.items.find((i) => i.skuId === skuA)!;
    expect(line).toMatchObject({ productId: sku!.productId, unitPrice: { amountMinor: sku!.priceMinor, currency: 'CNY' } });
    expect(typeof line.title).toBe('string');
    expect(typeof line.attributes).toBe('object');
    // An added field: the photo of the SKU bought (its own, else the product's first), never a rename.
    const [photo] = await db.execute<{ key: string | null }>(sql`select (select i.storage_key from product_images i
      where i.product_id = s.product_id and i.status = 'ready' order by (i.position <=> s.image_position) desc, i.position limit 1) as \`key\`
      from skus s where s.id = ${skuA}`);
    const key = (photo as unknown as { key: string | null }[])[0]!.key;
    expect(line.image).toBe(key ? `${process.env.FERRY_TEST_BASE_URL ?? 'http://localhost:3100'}/media/${key.slice(0, 2)}/${key}-800.webp` : null);
    // Each item names itself and where it is: unpaid, it is still queued, with nothing measured yet.
    const [row] = await db.select({ id: orderItems.id }).from(orderItems).innerJoin(orders, eq(orders.id, orderItems.orderId)).where(and(eq(orders.number, placed.orderNumber), eq(orderItems.skuId, skuA)));
    expect(line.itemId).toBe(row!.id);
    expect(line.fulfilment).toEqual({ status: 'queued', domesticTracking: null, receivedAt: null, weightGrams: null, photos: [], storageUntil: null, parcelNumber: null });
  });

  it("404s another partner's order exactly like an unknown one", async () => {
    const foreign = await expectError(await call(otherPartner, 'GET', `/api/v1/orders/${placed.orderNumber}`), 404, 'not_found');
    const unknown = await expectError(await call(otherPartner, 'GET', '/api/v1/orders/FR000101-000000'), 404, 'not_found');
    expect(foreign).toEqual(unknown);
  });

  it('409s out_of_stock when fewer units are left than ordered', async () => {
    const [skuId] = await sellableSkus(1, 10);
    const [row] = await db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId!));
    restoreStock.push({ id: skuId!, stock: row!.stock });
    await db.update(skus).set({ stock: row!.reserved + 1 }).where(eq(skus.id, skuId!));
    const before = await orderCount();

    const body = { items: [{ skuId: skuId!, quantity: 2 }], currency: 'EUR', shippingAddress: address };
    await expectError(await call(partner, 'POST', '/api/v1/orders', body), 409, 'out_of_stock');
    expect(await orderCount()).toBe(before);
    const [after] = await db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId!));
    expect(after!.reserved).toBe(row!.reserved);
  });
});

describe('idempotency keys (database)', () => {
  const hash = 'a'.repeat(64);
  const other = 'b'.repeat(64);

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }

  it('claims once, refuses while running, releases on failure and replays once finished', async () => {
    const key = `it-db-${Date.now()}`;
    const first = await claimIdempotencyKey(db, partner.keyId, key, hash);
    expect(first).toMatchObject({ kind: 'claimed' });
    expect(await codeOf(claimIdempotencyKey(db, partner.keyId, key, hash))).toBe('idempotency_in_progress');
    expect(await codeOf(claimIdempotencyKey(db, partner.keyId, key, other))).toBe('idempotency_mismatch');
    // Keys are exact: one differing only in case is not the same key.
    expect(await codeOf(claimIdempotencyKey(db, partner.keyId, key.toUpperCase(), hash))).toBe('idempotency_mismatch');

    await releaseIdempotencyKey(db, partner.keyId, key, (first as { claimedAt: Date }).claimedAt);
    const second = await claimIdempotencyKey(db, partner.keyId, key, hash);
    expect(second).toMatchObject({ kind: 'claimed' });
    await completeIdempotencyKey(db, partner.keyId, key, { status: 201, body: '{"ok":true}' });
    expect(await claimIdempotencyKey(db, partner.keyId, key, hash)).toEqual({ kind: 'replay', status: 201, body: '{"ok":true}' });
    // A finished key is never released by a later failure.
    await releaseIdempotencyKey(db, partner.keyId, key, (second as { claimedAt: Date }).claimedAt);
    expect(await claimIdempotencyKey(db, partner.keyId, key, hash)).toMatchObject({ kind: 'replay' });
    // Keys belong to one partner.
    expect(await claimIdempotencyKey(db, otherPartner.keyId, key, other)).toMatchObject({ kind: 'claimed' });
  });

  it('lets a placeholder abandoned by a crashed request be taken over', async () => {
    const key = `it-stale-${Date.now()}`;
    const abandonedAt = new Date(Date.now() - STALE_AFTER_MS - 5_000);
    await db.insert(apiIdempotency).values({ partnerKeyId: partner.keyId, key, requestHash: hash, createdAt: abandonedAt });
    expect(await claimIdempotencyKey(db, partner.keyId, key, hash)).toMatchObject({ kind: 'claimed' });
    expect(await codeOf(claimIdempotencyKey(db, partner.keyId, key, hash))).toBe('idempotency_in_progress');
    // The abandoned request's late release frees only its own placeholder, not the one taken over.
    await releaseIdempotencyKey(db, partner.keyId, key, abandonedAt);
    expect(await codeOf(claimIdempotencyKey(db, partner.keyId, key, hash))).toBe('idempotency_in_progress');
  });
});
