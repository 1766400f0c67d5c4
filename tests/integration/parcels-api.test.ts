import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { shippingLines } from '@/db/schema/shipping';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { signedFetch, type ApiCredentials } from '../support/api-client';

// POST /api/v1/parcels and GET /api/v1/parcels/{n} on the running test server (PRODUCT.md contract):
// a partner's accepted items become a parcel with its estimate and pay link; another partner sees 404.
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;
let partner: ApiCredentials;
let otherPartner: ApiCredentials;
let emsLineId: number;

const address = { name: 'Jane Doe', line1: '1 Market Street', line2: 'Suite 100', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+1 415 555 0132' };
const call = (credentials: ApiCredentials, method: string, path: string, body?: unknown) => signedFetch(base, credentials, method, path, body);

beforeAll(async () => {
  db = databaseFor(process.env.DATABASE_URL!);
  partner = await createPartnerKey(db, { name: 'parcels test partner', createdBy: 'tests' });
  otherPartner = await createPartnerKey(db, { name: 'parcels other partner', createdBy: 'tests' });
  const [ems] = await db.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.code, 'ems'));
  emsLineId = ems!.id;
});
afterAll(async () => closeDatabases());

/** An order placed through the API, then (the warehouse's steps, written directly) paid, received, weighed and accepted. */
async function acceptedItems(offset: number, grams = 500): Promise<number[]> {
  const [sku] = await db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(products.isActive, 1), sql`${skus.stock} - ${skus.reserved} >= 50`))
    .orderBy(sql`${skus.id} desc`)
    .limit(1)
    .offset(offset);
  const res = await call(partner, 'POST', '/api/v1/orders', { items: [{ skuId: sku!.id, quantity: 1 }], currency: 'USD', shippingAddress: address, externalRef: `parcel-${offset}` });
  expect(res.status).toBe(201);
  const { orderNumber } = (await res.json()) as { orderNumber: string };
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, orderNumber));
  await db.update(orders).set({ status: 'arrived', paidAt: new Date() }).where(eq(orders.id, order!.id));
  await db.update(orderItems).set({ purchaseStatus: 'purchased', fulfilmentStatus: 'accepted', receivedAt: new Date(), weightGrams: grams }).where(eq(orderItems.orderId, order!.id));
  const items = await db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order!.id));
  return items.map((i) => i.id);
}

describe('open API parcels', () => {
  it('creates a parcel of the partner’s accepted items (201) and shows it only to that partner', async () => {
    const items = await acceptedItems(3);
    const res = await call(partner, 'POST', '/api/v1/parcels', { items, lineId: emsLineId, shippingAddress: address, services: ['insurance'], currency: 'USD' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { parcelNumber: string; status: string; estimate: { chargeableGrams: number; amountMinor: number; currency: string }; payment: { gateway: string; paymentUrl: string } };
    expect(created).toMatchObject({ status: 'awaiting_payment', estimate: { chargeableGrams: 1000, currency: 'USD' }, payment: { gateway: 'sandbox' } });
    expect(created.estimate.amountMinor).toBeGreaterThan(0);
    expect(created.payment.paymentUrl).toMatch(new RegExp(`/pay/parcel/${created.parcelNumber}/[0-9a-f]{32}$`));

    const mine = await call(partner, 'GET', `/api/v1/parcels/${created.parcelNumber}`);
    expect(mine.status).toBe(200);
    const view = (await mine.json()) as { parcelNumber: string; items: { itemId: number }[]; estimate: { amountMinor: number }; packed: unknown; settlement: unknown; tracking: unknown };
    expect(view).toMatchObject({ parcelNumber: created.parcelNumber, estimate: { amountMinor: created.estimate.amountMinor }, packed: null, settlement: null, tracking: null });
    expect(view.items.map((i) => i.itemId)).toEqual(items);

    const theirs = await call(otherPartner, 'GET', `/api/v1/parcels/${created.parcelNumber}`);
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { error: { code: string } }).error.code).toBe('not_found');

    // The same items again, or by another partner: 409.
    for (const who of [partner, otherPartner]) {
      const again = await call(who, 'POST', '/api/v1/parcels', { items, lineId: emsLineId, shippingAddress: address, currency: 'USD' });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('items_unavailable');
    }
  });

  it('answers 422 for a line that cannot take the parcel, naming the reason, and for bad input', async () => {
    const heavy = await acceptedItems(5, 45_000);
    const res = await call(partner, 'POST', '/api/v1/parcels', { items: heavy, lineId: emsLineId, shippingAddress: address, currency: 'USD' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('line_unavailable');
    expect(body.error.message).toMatch(/\(over_max_weight\): .*30 kg/);
    for (const bad of [{ items: [], lineId: emsLineId, shippingAddress: address, currency: 'USD' }, { items: heavy, lineId: -1, shippingAddress: address, currency: 'USD' }, { items: heavy, lineId: emsLineId, shippingAddress: address, currency: 'USD', services: ['gold_wrap'] }]) {
      const refused = await call(partner, 'POST', '/api/v1/parcels', bad);
      expect(refused.status).toBe(422);
    }
    const [item] = await db.select({ status: orderItems.fulfilmentStatus }).from(orderItems).where(eq(orderItems.id, heavy[0]!));
    expect(item!.status).toBe('accepted');
  });

  it('a rehearsal parcel waits for its packing: no pay link yet, then the packed weight, photos and the link', async () => {
    const items = await acceptedItems(7);
    const res = await call(partner, 'POST', '/api/v1/parcels', { items, lineId: emsLineId, shippingAddress: address, services: ['rehearsal'], currency: 'USD' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { parcelNumber: string; status: string; payment: { paymentUrl: string } };
    expect(created.status).toBe('awaiting_rehearsal');
    const before = (await (await call(partner, 'GET', `/api/v1/parcels/${created.parcelNumber}`)).json()) as { status: string; photos: string[]; payment: { paymentUrl: string | null } };
    expect(before).toMatchObject({ status: 'awaiting_rehearsal', photos: [], payment: { paymentUrl: null } });
    // The pay link cannot take money before the rehearsal priced the parcel.
    const early = await fetch(created.payment.paymentUrl, { redirect: 'manual' });
    expect(early.status).toBe(409);

    // The warehouse photographs and packs it (written through the domain functions the admin screen uses).
    const { addParcelPhotos } = await import('@/lib/parcels/parcel-photos');
    const { packParcel } = await import('@/lib/parcels/pack-parcel');
    const sharp = (await import('sharp')).default;
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 90, g: 120, b: 200 } } }).jpeg().toBuffer();
    const warehouse = { type: 'user' as const, id: 0, label: 'warehouse@ferry.test' };
    await addParcelPhotos(db, { number: created.parcelNumber, files: [photo], actor: warehouse });
    await packParcel(db, { number: created.parcelNumber, weightGrams: 1300, dims: { lengthCm: 30, widthCm: 20, heightCm: 10 }, actor: warehouse });

    const after = (await (await call(partner, 'GET', `/api/v1/parcels/${created.parcelNumber}`)).json()) as { status: string; packed: { weightGrams: number; chargeableGrams: number }; photos: string[]; payment: { paymentUrl: string | null } };
    expect(after).toMatchObject({ status: 'awaiting_payment', packed: { weightGrams: 1300, chargeableGrams: 1500 }, payment: { paymentUrl: created.payment.paymentUrl } });
    expect(after.photos).toHaveLength(1);
    // Signed and served to whoever holds the link, and a tampered one is refused.
    const served = await fetch(after.photos[0]!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^image\//);
    expect((await fetch(after.photos[0]!.replace(/s=[^&]+/, 's=forged'))).status).toBeGreaterThanOrEqual(400);
  });
});
