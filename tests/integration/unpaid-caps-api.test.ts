import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';
import { orders } from '@/db/schema/orders';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { defaultSettings } from '@/lib/settings/definitions';
import { SETTINGS_CACHE_MS } from '@/lib/settings/read-settings';
import { updateSettings } from '@/lib/settings/update-settings';
import { signedFetch, type ApiCredentials } from '../support/api-client';

// Runs against the production server `npm test` starts (scripts/test.sh): the caps on a partner
// key's unpaid orders, set the way the admin's settings screen sets them (updateSettings, in the
// shared test database), reach the running server and refuse POST /api/v1/orders with a 409.

const base = process.env.FERRY_TEST_BASE_URL!;
const admin = { type: 'user' as const, id: 1, label: 'admin@ferry.test' };
const capKeys = ['checkout.maxUnpaidOrdersPerPartner', 'checkout.maxHeldUnitsPerPartner'] as const;

let db: Database;
let partner: ApiCredentials;
let skuId: number;

const address = { name: 'Jane Doe', line1: '1 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+1 415 555 0132' };
const order = (quantity: number) =>
  signedFetch(base, partner, 'POST', '/api/v1/orders', { items: [{ skuId, quantity }], currency: 'USD', shippingAddress: address, externalRef: randomUUID() }, { 'Idempotency-Key': randomUUID() });

/** Saves settings as the admin screen does, then waits until every server process has dropped what it cached. */
async function setCaps(values: Partial<Record<(typeof capKeys)[number], number>>): Promise<void> {
  await updateSettings(db, values, admin);
  await new Promise((resolve) => setTimeout(resolve, SETTINGS_CACHE_MS + 500));
}

async function partnerOrders(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orders).where(eq(orders.partnerKeyId, partner.keyId));
  return row!.n;
}

async function expectRefusal(res: Response, code: string): Promise<Record<string, unknown>> {
  const body = (await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } };
  expect({ status: res.status, code: body.error?.code }).toEqual({ status: 409, code });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.details ?? {};
}

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  db = databaseFor(process.env.DATABASE_URL!);
  partner = await createPartnerKey(db, { name: 'unpaid caps test partner', createdBy: 'tests' });
  const [row] = await db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(products.isActive, 1), sql`${skus.stock} - ${skus.reserved} >= 20`))
    .orderBy(asc(skus.id))
    .limit(1)
    .offset(40);
  skuId = row!.id;
});

afterAll(async () => {
  if (db) await updateSettings(db, Object.fromEntries(capKeys.map((key) => [key, defaultSettings[key]])), admin);
  await closeDatabases();
});

describe('open API: caps on a partner key\'s unpaid orders', () => {
  it('refuses the order past the cap with 409 too_many_unpaid_orders, and follows the cap as staff change it', async () => {
    await setCaps({ 'checkout.maxUnpaidOrdersPerPartner': 2, 'checkout.maxHeldUnitsPerPartner': 5 });
    expect((await order(1)).status).toBe(201);
    expect((await order(1)).status).toBe(201);
    expect(await expectRefusal(await order(1), 'too_many_unpaid_orders')).toMatchObject({ open: 2, limit: 2 });
    expect(await partnerOrders()).toBe(2);

    // Staff raise the orders cap: the units cap (5) now decides.
    await setCaps({ 'checkout.maxUnpaidOrdersPerPartner': 10 });
    expect(await expectRefusal(await order(4), 'too_many_held_units')).toMatchObject({ held: 2, adding: 4, limit: 5 });
    expect(await partnerOrders()).toBe(2);
    const placed = await order(3);
    expect(placed.status).toBe(201);
    expect(((await placed.json()) as { status: string }).status).toBe('pending');
    expect(await partnerOrders()).toBe(3);
  });
});
