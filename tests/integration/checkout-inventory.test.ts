import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@/db/client';
import { auditLog, orderEvents, orders, paymentLedger, skus, webhookEvents } from '@/db/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import { AppError } from '@/lib/errors';
import { expireReservations } from '@/lib/orders/expire-reservations';
import { readCounters } from '@/lib/inventory/redis-stock';
import { setStock } from '@/lib/inventory/set-stock';
import { transitionOrder } from '@/lib/orders/transition-order';
import { processWebhookEvent } from '@/lib/payments/process-webhook-event';
import { receivePaymentWebhook } from '@/lib/payments/receive-webhook';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';

let world: CheckoutWorld;
beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_checkout');
});
afterAll(async () => world?.close());

const deps = () => ({ db: world.db, redis: world.redis });

async function skuState(skuId: number) {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
  const counter = (await readCounters(world.redis, databaseName(world.db), [skuId])).get(skuId);
  return { ...row!, sellable: row!.stock - row!.reserved, counter };
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : `error: ${(error as Error).message}`;
  }
}

describe('reservations', () => {
  it('sells exactly 10 units to 200 parallel buyers and leaves Redis and MySQL agreeing', async () => {
    const skuId = await skuWithStock(world, 10);
    const results = await Promise.all(Array.from({ length: 200 }, () => outcome(placeOrder(deps(), orderInput(skuId, 1, randomUUID())))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'out_of_stock')).toBe(true);
    const state = await skuState(skuId);
    expect(state).toMatchObject({ stock: 10, reserved: 10, sellable: 0, counter: 0 });
    const [placed] = await world.db.select({ n: count() }).from(orders).where(eq(orders.status, 'pending'));
    expect(placed!.n).toBeGreaterThanOrEqual(10);
  });

  it('never oversells when Redis is unreachable, and says it ran degraded', async () => {
    const skuId = await skuWithStock(world, 5, 1);
    const settled = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder({ db: world.db, redis: world.deadRedis }, orderInput(skuId, 1, randomUUID())).catch((e: AppError) => e)),
    );
    const placed = settled.filter((r) => !(r instanceof Error));
    expect(placed).toHaveLength(5);
    expect(placed.every((r) => 'degraded' in r && r.degraded)).toBe(true);
    expect(settled.filter((r) => r instanceof AppError && r.code === 'out_of_stock')).toHaveLength(15);
    expect(await skuState(skuId)).toMatchObject({ stock: 5, reserved: 5 });
  });

  it('makes one order from a double submit', async () => {
    const skuId = await skuWithStock(world, 50, 2);
    const token = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(deps(), orderInput(skuId, 2, token))));
    expect(new Set(results.map((r) => r.order.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await skuState(skuId)).toMatchObject({ reserved: 2, counter: 48 });
  });

  it("keeps a checkout token to its owner: another partner's or user's submit, even at the same moment, never gets the first order", async () => {
    const skuId = await skuWithStock(world, 50, 8);
    const token = randomUUID();
    const owners = [
      { type: 'partner', partnerKeyId: 'pk_first' },
      { type: 'partner', partnerKeyId: 'pk_second' },
      { type: 'user', userId: 9001, email: 'alice@example.com' },
      { type: 'user', userId: 9002, email: 'bob@example.com' },
    ] as const;
    const first = await Promise.all(owners.map((customer) => placeOrder(deps(), orderInput(skuId, 1, token, { customer }))));
    expect(first.every((r) => r.created)).toBe(true);
    expect(new Set(first.map((r) => r.order.number)).size).toBe(4);
    // Each owner's own double submit still returns its own order.
    const again = await Promise.all(owners.map((customer) => placeOrder(deps(), orderInput(skuId, 1, token, { customer }))));
    expect(again.map((r) => [r.created, r.order.number])).toEqual(first.map((r) => [false, r.order.number]));
    const rows = await world.db.select({ userId: orders.userId, partnerKeyId: orders.partnerKeyId }).from(orders).where(eq(orders.number, first[3]!.order.number));
    expect(rows).toEqual([{ userId: 9002, partnerKeyId: null }]);
    expect(await skuState(skuId)).toMatchObject({ reserved: 4, counter: 46 });
  });

  it('returns the units of an expired reservation exactly once, however many sweepers run', async () => {
    const skuId = await skuWithStock(world, 3, 3);
    const { order } = await placeOrder(deps(), orderInput(skuId, 3, randomUUID()));
    expect(await skuState(skuId)).toMatchObject({ reserved: 3, counter: 0 });
    await world.db.update(orders).set({ reservedUntil: new Date(Date.now() - 1000) }).where(eq(orders.id, order.id));
    const expired = await Promise.all([1, 2, 3, 4].map(() => expireReservations(world.db, world.redis)));
    expect(expired.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await skuState(skuId)).toMatchObject({ stock: 3, reserved: 0, counter: 3 });
    const [row] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('cancelled');
    const events = await world.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => e.type)).toEqual(['order.created', 'order.cancelled']);
    // A second cancel of the same order is a lost compare-and-set, not a second return of units.
    expect(await transitionOrder(world.db, world.redis, { orderId: order.id, from: 'pending', to: 'cancelled', actor: { type: 'system' } })).toBe(false);
    expect(await skuState(skuId)).toMatchObject({ reserved: 0, counter: 3 });
  });

  it('reloads the Redis counter after staff set the stock', async () => {
    const skuId = await skuWithStock(world, 2, 4);
    await placeOrder(deps(), orderInput(skuId, 2, randomUUID()));
    await expect(placeOrder(deps(), orderInput(skuId, 1, randomUUID()))).rejects.toMatchObject({ code: 'out_of_stock' });
    await setStock(world.db, world.redis, skuId, 7, { type: 'cli' });
    expect((await skuState(skuId)).counter).toBeNull();
    await placeOrder(deps(), orderInput(skuId, 5, randomUUID()));
    expect(await skuState(skuId)).toMatchObject({ stock: 7, reserved: 7, counter: 0 });
  });
});

describe('prices', () => {
  it('stops checkout when the rate the shopper saw or the live rate is more than 2% away', async () => {
    const skuId = await skuWithStock(world, 10, 5);
    const { order } = await placeOrder(deps(), orderInput(skuId, 1, randomUUID()));
    const cached = order.chargeRate;
    const moved = (factor: string) => (Number(cached) * Number(factor)).toFixed(8);
    await expect(placeOrder(deps(), orderInput(skuId, 1, randomUUID(), { quotedRate: moved('1.03') }))).rejects.toMatchObject({ code: 'prices_moved' });
    await expect(
      placeOrder({ ...deps(), liveRate: async () => moved('0.97') }, orderInput(skuId, 1, randomUUID())),
    ).rejects.toMatchObject({ code: 'prices_moved' });
    const within = await placeOrder({ ...deps(), liveRate: async () => moved('1.015') }, orderInput(skuId, 1, randomUUID(), { quotedRate: moved('0.99') }));
    expect(within.order.chargeRate).toBe(cached);
    // The refused attempts withheld nothing.
    expect((await skuState(skuId)).reserved).toBe(2);
  });
});

const SECRET = process.env.SANDBOX_WEBHOOK_SECRET ?? 'whsec_ferry_sandbox_demo';
const stripe = new Stripe('sk_test_unused');

function signedEvent(type: string, object: Record<string, unknown>, eventId = `evt_${randomUUID()}`) {
  const body = JSON.stringify({ id: eventId, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
  return { body, header: stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }) };
}

async function deliver(event: { body: string; header: string }) {
  const stored = await receivePaymentWebhook(world.db, 'sandbox', event.body, event.header);
  if (stored.isNew) await processWebhookEvent(world.db, world.redis, stored.id);
  return stored;
}

const intentFor = (order: { number: string; chargeMinor: number; chargeCurrency: string }, id = `pi_${randomUUID()}`, extra = {}) => ({
  id,
  object: 'payment_intent',
  amount: order.chargeMinor,
  amount_received: order.chargeMinor,
  currency: order.chargeCurrency.toLowerCase(),
  metadata: { order_number: order.number },
  ...extra,
});

async function ledgerOf(orderId: number) {
  return world.db.select().from(paymentLedger).where(eq(paymentLedger.orderId, orderId));
}
async function statusOf(orderId: number) {
  const [row] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row!.status;
}

describe('payment webhooks', () => {
  it('records a payment once however often and in whatever order it is delivered; a late failure never un-pays', async () => {
    const skuId = await skuWithStock(world, 10, 6);
    const { order } = await placeOrder(deps(), orderInput(skuId, 1, randomUUID()));
    const piId = `pi_${randomUUID()}`;
    const succeeded = signedEvent('payment_intent.succeeded', intentFor(order, piId));
    const failed = signedEvent('payment_intent.payment_failed', intentFor(order, piId, { last_payment_error: { code: 'card_declined' } }));
    await Promise.all([deliver(succeeded), deliver(succeeded), deliver(succeeded)]);
    await deliver(failed);
    await deliver(succeeded);
    // The same payment under a second event id (a gateway resend) adds no row either.
    await deliver(signedEvent('payment_intent.succeeded', intentFor(order, piId)));
    expect(await statusOf(order.id)).toBe('paid');
    const ledger = await ledgerOf(order.id);
    expect(ledger.filter((l) => l.kind === 'charge')).toHaveLength(1);
    expect(ledger.filter((l) => l.kind === 'failure')).toHaveLength(1);
    const [stored] = await world.db.select().from(webhookEvents).where(and(eq(webhookEvents.source, 'sandbox'), eq(webhookEvents.eventId, JSON.parse(succeeded.body).id)));
    expect(stored!.deliveries).toBe(4);
    const audit = await world.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'order'), eq(auditLog.subjectId, String(order.id))));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['order.created', 'order.paid', 'payment.failed']));
  });

  it('flags a payment whose amount or currency differs from the pinned charge and leaves the order unpaid', async () => {
    const skuId = await skuWithStock(world, 10, 7);
    const { order } = await placeOrder(deps(), orderInput(skuId, 1, randomUUID()));
    await deliver(signedEvent('payment_intent.succeeded', intentFor(order, undefined, { amount: order.chargeMinor - 1, amount_received: order.chargeMinor - 1 })));
    await deliver(signedEvent('payment_intent.succeeded', intentFor(order, undefined, { currency: 'usd' })));
    expect(await statusOf(order.id)).toBe('pending');
    const ledger = await ledgerOf(order.id);
    expect(ledger).toHaveLength(2);
    expect(ledger.every((l) => l.status === 'flagged' && l.flagReason)).toBe(true);
  });

  it('rejects forged and stale signatures and stores nothing', async () => {
    const { body } = signedEvent('payment_intent.succeeded', { id: 'pi_x' });
    const [before] = await world.db.select({ n: count() }).from(webhookEvents);
    const forged = stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_wrong' });
    const stale = stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 301 });
    for (const header of [forged, stale, 't=1,v1=00', '']) {
      await expect(receivePaymentWebhook(world.db, 'sandbox', body, header || null)).rejects.toMatchObject({ code: 'bad_request' });
    }
    await expect(receivePaymentWebhook(world.db, 'sandbox', body.replace('pi_x', 'pi_y'), signedEvent('x', {}).header)).rejects.toMatchObject({ code: 'bad_request' });
    const [after] = await world.db.select({ n: count() }).from(webhookEvents);
    expect(after!.n).toBe(before!.n);
  });
});
