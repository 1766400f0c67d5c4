import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { parcels } from '@/db/schema/parcels';
import { shippingLines } from '@/db/schema/shipping';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { readGoods } from '@/lib/shipping/goods';
import { signedFetch, type ApiCredentials } from '../support/api-client';

// POST /api/v1/parcels on the running test server with goods: the seeded catalog was classified at
// import, so a power bank's item holds a battery; EMS (refuses batteries) answers 422 naming
// `refused_goods`, the battery line takes the same items (201), and the parcel keeps its goods.
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;
let partner: ApiCredentials;
let lineIds: Record<string, number>;

const address = { name: 'Jane Doe', line1: '1 Market Street', line2: 'Suite 100', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+1 415 555 0132' };
const call = (method: string, path: string, body?: unknown) => signedFetch(base, partner, method, path, body);

beforeAll(async () => {
  db = databaseFor(process.env.DATABASE_URL!);
  partner = await createPartnerKey(db, { name: 'goods test partner', createdBy: 'tests' });
  const lines = await db.select({ id: shippingLines.id, code: shippingLines.code }).from(shippingLines);
  lineIds = Object.fromEntries(lines.map((l) => [l.code, l.id]));
});
afterAll(async () => closeDatabases());

/** A SKU of a seeded product the classifier read as a battery (and nothing battery-air refuses), with stock to sell. */
async function batterySku(): Promise<number> {
  const rows = await db
    .select({ skuId: skus.id, goods: products.goodsDetected })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(products.isActive, 1), isNotNull(products.goodsDetected), sql`${products.goodsOverride} is null`, sql`${skus.stock} - ${skus.reserved} >= 5`));
  const row = rows.find((r) => {
    const goods = readGoods(r.goods) ?? [];
    return goods.includes('battery') && !goods.some((g) => g === 'liquid' || g === 'powder' || g === 'brand');
  });
  expect(row, 'the seeded catalog has a battery product').toBeDefined();
  return row!.skuId;
}

describe('open API parcels and goods', () => {
  it('answers 422 refused_goods for a battery on a line that refuses batteries, and 201 on the battery line', async () => {
    const skuId = await batterySku();
    const res = await call('POST', '/api/v1/orders', { items: [{ skuId, quantity: 1 }], currency: 'USD', shippingAddress: address, externalRef: 'goods-battery' });
    expect(res.status).toBe(201);
    const { orderNumber } = (await res.json()) as { orderNumber: string };
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, orderNumber));
    await db.update(orders).set({ status: 'arrived', paidAt: new Date() }).where(eq(orders.id, order!.id));
    await db.update(orderItems).set({ purchaseStatus: 'purchased', fulfilmentStatus: 'accepted', receivedAt: new Date(), weightGrams: 400 }).where(eq(orderItems.orderId, order!.id));
    const items = (await db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order!.id))).map((i) => i.id);

    const refused = await call('POST', '/api/v1/parcels', { items, lineId: lineIds.ems, shippingAddress: address, currency: 'USD' });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('line_unavailable');
    expect(body.error.message).toMatch(/\(refused_goods\): Refused goods: battery/);
    const [still] = await db.select({ status: orderItems.fulfilmentStatus }).from(orderItems).where(eq(orderItems.id, items[0]!));
    expect(still!.status).toBe('accepted');

    const created = await call('POST', '/api/v1/parcels', { items, lineId: lineIds['battery-air'], shippingAddress: address, currency: 'USD' });
    expect(created.status).toBe(201);
    const { parcelNumber } = (await created.json()) as { parcelNumber: string };
    const [parcel] = await db.select({ goods: parcels.goods }).from(parcels).where(eq(parcels.number, parcelNumber));
    expect(readGoods(parcel!.goods)).toContain('battery');
  });
});
