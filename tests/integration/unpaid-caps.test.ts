import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { orders, skus } from '@/db/schema';
import { createLimiter } from '@/lib/auth/rate-limit';
import { addToCart } from '@/lib/cart/add-to-cart';
import { checkOutCart, type CheckOutCartInput } from '@/lib/checkout/check-out-cart';
import { getCart } from '@/lib/cart/get-cart';
import { placeOrder } from '@/lib/checkout/place-order';
import type { Customer } from '@/lib/checkout/types';
import type { GatewayName } from '@/lib/orders/types';
import { AppError } from '@/lib/errors';
import { readCounters } from '@/lib/inventory/redis-stock';
import { confirmCodOrder } from '@/lib/orders/cod/decide-cod-order';
import { transitionOrder } from '@/lib/orders/transition-order';
import { updateSettings } from '@/lib/settings/update-settings';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';

// The caps on unpaid orders and the checkout rate limit, against the real MariaDB and Redis.

let world: CheckoutWorld;
let skuId: number;
beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_caps', 5);
  skuId = await skuWithStock(world, 100_000);
});
afterAll(async () => world?.close());

const staff = { type: 'user' as const, id: 1, label: 'admin@ferry.test' };
const dubai = { name: 'Omar Ali', line1: 'Al Wasl Road 3', city: 'Dubai', country: 'AE', phone: '+971501112233' };

async function newShopper(): Promise<Customer & { type: 'user' }> {
  const email = `shopper-${randomUUID()}@ferry.test`;
  const [row] = await world.db.insert(users).values({ email, passwordHash: 'not-a-real-hash' }).$returningId();
  return { type: 'user', userId: row!.id, email };
}

function place(customer: Customer, quantity = 1, gateway: GatewayName = 'sandbox') {
  return placeOrder(
    { db: world.db, redis: world.redis },
    orderInput(skuId, quantity, randomUUID(), { customer, gateway, ...(gateway === 'cod' ? { shippingAddress: dubai, currency: 'AED' } : {}) }),
  );
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : `error: ${(error as Error).message}`;
  }
}

async function pendingOf(customer: Customer & { type: 'user' }): Promise<number> {
  const [row] = await world.db.select({ n: count() }).from(orders).where(and(eq(orders.userId, customer.userId), eq(orders.status, 'pending')));
  return row!.n;
}

async function stockAgrees(): Promise<boolean> {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
  const counter = (await readCounters(world.redis, databaseName(world.db), [skuId])).get(skuId);
  return counter === row!.stock - row!.reserved;
}

describe('caps on unpaid orders', () => {
  it('refuses an account\'s sixth open unpaid order (card or cash on delivery alike), holding nothing for it', async () => {
    const shopper = await newShopper();
    for (let i = 0; i < 4; i++) await place(shopper);
    const cod = await place(shopper, 1, 'cod');
    const [reservedBefore] = await world.db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));

    const refused = await place(shopper).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'too_many_unpaid_orders', status: 409, details: { open: 5, limit: 5 } });
    expect(await pendingOf(shopper)).toBe(5);
    const [reservedAfter] = await world.db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
    expect(reservedAfter!.reserved).toBe(reservedBefore!.reserved);
    expect(await stockAgrees()).toBe(true);

    // A confirmed cash-on-delivery order is no longer unpaid-and-unchecked: it frees a place.
    await confirmCodOrder(world.db, world.redis, { orderId: cod.order.id, expectedVersion: 0, actor: staff });
    expect(await outcome(place(shopper))).toBe('ok');
    expect(await outcome(place(shopper))).toBe('too_many_unpaid_orders');
    // So does paying one.
    const [open] = await world.db.select({ id: orders.id }).from(orders).where(and(eq(orders.userId, shopper.userId), eq(orders.status, 'pending'))).limit(1);
    await transitionOrder(world.db, world.redis, { orderId: open!.id, from: 'pending', to: 'paid', actor: { type: 'gateway', id: 'sandbox' } });
    expect(await outcome(place(shopper))).toBe('ok');
  });

  it('refuses an order that would take the units an account holds past the cap', async () => {
    const shopper = await newShopper();
    await place(shopper, 30);
    expect(await outcome(place(shopper, 21))).toBe('too_many_held_units');
    expect(await outcome(place(shopper, 20))).toBe('ok');
    expect(await outcome(place(shopper, 1))).toBe('too_many_held_units');
    expect(await pendingOf(shopper)).toBe(2);
    expect(await stockAgrees()).toBe(true);
  });

  it('lets exactly one of several concurrent checkouts through at the cap, for every account', async () => {
    const shoppers = await Promise.all([newShopper(), newShopper(), newShopper()]);
    for (const shopper of shoppers) for (let i = 0; i < 4; i++) await place(shopper);
    const results = await Promise.all(shoppers.map((shopper) => Promise.all(Array.from({ length: 4 }, () => outcome(place(shopper))))));
    for (const [i, shopper] of shoppers.entries()) {
      expect(results[i]!.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results[i]!.filter((r) => r === 'too_many_unpaid_orders')).toHaveLength(3);
      expect(await pendingOf(shopper)).toBe(5);
    }
    expect(await stockAgrees()).toBe(true);
  });

  it('answers a double submit that arrives at the cap with the one order it made, also with Redis down', async () => {
    for (const redis of [world.redis, world.deadRedis]) {
      const shopper = await newShopper();
      for (let i = 0; i < 4; i++) await place(shopper);
      const input = orderInput(skuId, 1, randomUUID(), { customer: shopper });
      const [first, second] = await Promise.all([placeOrder({ db: world.db, redis }, input), placeOrder({ db: world.db, redis }, input)]);
      expect(second.order.number).toBe(first.order.number);
      expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
      expect(await pendingOf(shopper)).toBe(5);
    }
  });

  it('gives partner keys their own, higher caps, and follows the settings as staff change them', async () => {
    const partner: Customer = { type: 'partner', partnerKeyId: `pk_caps_${randomUUID().slice(0, 8)}` };
    for (let i = 0; i < 6; i++) await place(partner);
    await updateSettings(world.db, { 'checkout.maxUnpaidOrdersPerPartner': 7 }, staff);
    expect(await outcome(place(partner))).toBe('ok');
    expect(await outcome(place(partner))).toBe('too_many_unpaid_orders');
    await updateSettings(world.db, { 'checkout.maxUnpaidOrdersPerPartner': 100, 'checkout.maxHeldUnitsPerPartner': 10 }, staff);
    expect(await outcome(place(partner, 3))).toBe('ok');
    expect(await outcome(place(partner, 1))).toBe('too_many_held_units');
    await updateSettings(world.db, { 'checkout.maxHeldUnitsPerPartner': 1000 }, staff);
  });
});

describe('checkout rate limit', () => {
  const address = { name: 'Jane Doe', line1: '1 Market Street', line2: null, city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+14155550132' };

  it('refuses an account\'s eleventh checkout attempt in ten minutes, before anything is held or written', async () => {
    const limiter = createLimiter(world.redis, 'checkout', `ferry-test:${randomUUID()}`);
    const shopper = await newShopper();
    const owner = { kind: 'user' as const, userId: shopper.userId };
    await addToCart(world.db, owner, { skuId, quantity: 1 });
    const cart = await getCart(world.db, owner, 'en');
    const submit = (over: Partial<CheckOutCartInput> = {}): CheckOutCartInput => ({
      user: { id: shopper.userId, email: shopper.email },
      cartSignature: cart.signature,
      address: { address },
      currency: 'CNY',
      locale: 'en',
      valueAddedServices: [],
      payment: 'card',
      checkoutToken: randomUUID(),
      ip: '198.51.100.23',
      ...over,
    });
    const deps = { db: world.db, redis: world.redis, limiter };

    // Ten refused attempts (a stale page each time) use up the account's allowance…
    for (let i = 0; i < 10; i++) expect(await outcome(checkOutCart(deps, submit({ cartSignature: 'stale' })))).toBe('conflict');
    // …so a good eleventh is refused too, and makes no order.
    expect(await outcome(checkOutCart(deps, submit()))).toBe('rate_limited');
    expect(await pendingOf(shopper)).toBe(0);
    expect((await getCart(world.db, owner, 'en')).lines).toHaveLength(1);

    // Another account behind the same address still checks out (its own allowance; the address allows 30).
    const other = await newShopper();
    const otherOwner = { kind: 'user' as const, userId: other.userId };
    await addToCart(world.db, otherOwner, { skuId, quantity: 1 });
    const otherCart = await getCart(world.db, otherOwner, 'en');
    expect(await outcome(checkOutCart(deps, submit({ user: { id: other.userId, email: other.email }, cartSignature: otherCart.signature })))).toBe('ok');
  });
});
