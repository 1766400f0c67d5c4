import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@/db/client';
import { auditLog, orderEvents, orderItems, orders, paymentLedger, skus } from '@/db/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import type { GatewayName } from '@/lib/orders/types';
import { AppError } from '@/lib/errors';
import { expireReservations } from '@/lib/orders/expire-reservations';
import { readCounters } from '@/lib/inventory/redis-stock';
import { confirmCodOrder, rejectCodOrder } from '@/lib/orders/cod/decide-cod-order';
import { listCodQueue } from '@/lib/orders/queries/list-cod-queue';
import { transitionOrder } from '@/lib/orders/transition-order';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { defaultSettings } from '@/lib/settings/definitions';
import { updateSettings } from '@/lib/settings/update-settings';
import { createPurchasingWorld, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// Cash on delivery against the real MariaDB, Redis (Upstash bridge) and the in-process 1688 sandbox:
// the order waits for staff, is bought by the purchasing worker once confirmed, and is cancelled
// with its stock returned once when nobody confirms it in time.

let world: PurchasingWorld;
let catalog: CatalogSku[];
let cursor = 0;
beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_cod');
  catalog = (await skusBySeller(world)).flat();
});
afterAll(async () => world?.close());

const service = { type: 'user' as const, id: 41, label: 'service@ferry.test' };
const dubai = { name: 'Layla Ahmed', line1: 'Sheikh Zayed Road 12', city: 'Dubai', country: 'AE', phone: '+971501234567' };

/** A SKU no other test here touches, with `stock` units and nothing reserved. */
async function freshSku(stock: number): Promise<CatalogSku> {
  const sku = catalog[cursor++]!;
  await world.db.update(skus).set({ stock, reserved: 0 }).where(eq(skus.id, sku.skuId));
  return sku;
}

async function place(skuId: number, quantity: number, gateway: GatewayName = 'cod') {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis },
    {
      items: [{ skuId, quantity }],
      currency: 'AED',
      shippingAddress: dubai,
      gateway,
      checkoutToken: randomUUID(),
      locale: 'ar',
      customer: { type: 'partner', partnerKeyId: 'pk_cod_test' },
    },
  );
  const [row] = await world.db.select({ version: orders.version, reservedUntil: orders.reservedUntil }).from(orders).where(eq(orders.id, order.id));
  return { ...order, ...row! };
}

async function orderRow(id: number) {
  const [row] = await world.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

/** MySQL's sellable units and the Redis counter checkout sells from: they must agree. */
async function stockOf(skuId: number) {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
  const counter = (await readCounters(world.redis, databaseName(world.db), [skuId])).get(skuId);
  return { stock: row!.stock, reserved: row!.reserved, sellable: row!.stock - row!.reserved, counter };
}

async function eventsOf(orderId: number) {
  return world.db.select({ type: orderEvents.type, payload: orderEvents.payload }).from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('cash on delivery', () => {
  it('holds the stock for the confirmation window and waits in the staff queue, unbought, until confirmed', async () => {
    const sku = await freshSku(20);
    const placedAt = Date.now();
    const order = await place(sku.skuId, 2);
    expect(order.status).toBe('pending');
    // The default 48-hour window (the old code left COD orders without any expiry).
    expect(order.reservedUntil!.getTime() - placedAt).toBeGreaterThan(48 * 3_600_000 - 60_000);
    expect(order.reservedUntil!.getTime() - placedAt).toBeLessThan(48 * 3_600_000 + 60_000);

    const queue = await listCodQueue(world.db);
    expect(queue.rows.find((r) => r.number === order.number)).toMatchObject({ version: 0, shippingAddress: { phone: dubai.phone }, lines: [{ quantity: 2 }] });

    // Purchasing does not touch an unconfirmed order.
    await runPurchasing(world.db, world.redis);
    expect((await orderRow(order.id)).status).toBe('pending');
    const lines = await world.db.select({ status: orderItems.purchaseStatus }).from(orderItems).where(eq(orderItems.orderId, order.id));
    expect(lines.map((l) => l.status)).toEqual([null]);
  });

  it('once staff confirm it, is bought upstream by the purchasing worker like a paid order, with nothing in the payment ledger', async () => {
    const sku = await freshSku(20);
    const order = await place(sku.skuId, 3);
    const upstreamBefore = (await world.upstreamOrders()).length;
    await confirmCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version, actor: service, note: 'called, confirmed' });

    const confirmed = await orderRow(order.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', paidAt: null, reservedUntil: null });
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect((await listCodQueue(world.db)).rows.map((r) => r.number)).not.toContain(order.number);
    // Confirmed orders no longer expire.
    await expireReservations(world.db, world.redis, new Date(Date.now() + 100 * 3_600_000));
    expect((await orderRow(order.id)).status).toBe('confirmed');

    const run = await runPurchasing(world.db, world.redis);
    expect(run.outcomes.placed).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.id)).status).toBe('purchased');
    const upstream = await world.upstreamOrders();
    expect(upstream.length).toBe(upstreamBefore + 1);
    expect(upstream.flatMap((o) => o.lines).filter((l) => l.skuId === sku.sourceSkuId).map((l) => l.quantity)).toEqual([3]);

    // Bought: the units left the shadow stock; Redis agrees with MySQL.
    expect(await stockOf(sku.skuId)).toMatchObject({ stock: 17, reserved: 0, sellable: 17, counter: 17 });
    expect(await world.db.select().from(paymentLedger).where(eq(paymentLedger.orderId, order.id))).toEqual([]);
    const events = await eventsOf(order.id);
    expect(events.map((e) => e.type)).toEqual(['order.created', 'order.cod_confirmed', 'order.purchasing', 'order.purchased']);
    expect(events[1]!.payload).toMatchObject({ reason: 'called, confirmed', actor: { type: 'user', id: service.id } });
    const [audit] = await world.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'order'), eq(auditLog.subjectId, String(order.id)), eq(auditLog.action, 'order.cod_confirmed')));
    expect(audit!.n).toBe(1);
  });

  it('refuses a second confirmation, a stale one, and confirming a card order', async () => {
    const sku = await freshSku(20);
    const order = await place(sku.skuId, 1);
    const stale = await failure(confirmCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version + 1, actor: service }));
    expect(stale.code).toBe('invalid_transition');
    await confirmCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version, actor: service });
    expect((await failure(confirmCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version, actor: service }))).code).toBe('invalid_transition');

    const card = await place(sku.skuId, 1, 'sandbox');
    expect((await failure(confirmCodOrder(world.db, world.redis, { orderId: card.id, expectedVersion: card.version, actor: service }))).code).toBe('validation_failed');
    // Nor can the generic transition (the order page's buttons) confirm a card order: the compare-and-set checks the payment kind.
    expect(await transitionOrder(world.db, world.redis, { orderId: card.id, from: 'pending', to: 'confirmed', actor: service })).toBe(false);
    expect((await orderRow(card.id)).status).toBe('pending');
  });

  it('cancels an order nobody confirmed within the window exactly once, returning its units (Redis = MySQL)', async () => {
    await updateSettings(world.db, { 'cod.confirmationHours': 2 }, service);
    try {
      const sku = await freshSku(10);
      const placedAt = Date.now();
      const order = await place(sku.skuId, 4);
      // The window is the agent's setting at checkout.
      expect(Math.round((order.reservedUntil!.getTime() - placedAt) / 60_000)).toBe(120);
      expect(await stockOf(sku.skuId)).toMatchObject({ reserved: 4, sellable: 6, counter: 6 });

      await expireReservations(world.db, world.redis, new Date(placedAt + 60 * 60_000));
      expect((await orderRow(order.id)).status).toBe('pending');
      // Three sweeps at once (servers, ticks): one cancels it, the others find nothing to do.
      const after = new Date(placedAt + 121 * 60_000);
      await Promise.all([expireReservations(world.db, world.redis, after), expireReservations(world.db, world.redis, after), expireReservations(world.db, world.redis, after)]);

      expect((await orderRow(order.id)).status).toBe('cancelled');
      expect(await stockOf(sku.skuId)).toEqual({ stock: 10, reserved: 0, sellable: 10, counter: 10 });
      const cancelled = (await eventsOf(order.id)).filter((e) => e.type === 'order.cancelled');
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]!.payload).toMatchObject({ reason: 'cash on delivery not confirmed in time', actor: { type: 'system' } });
      // Too late to confirm now.
      expect((await failure(confirmCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version, actor: service }))).code).toBe('invalid_transition');
      expect(await stockOf(sku.skuId)).toMatchObject({ reserved: 0, counter: 10 });
    } finally {
      await updateSettings(world.db, { 'cod.confirmationHours': defaultSettings['cod.confirmationHours'] }, service);
    }
  });

  it('lets staff reject an order with a reason (required), returning its units once', async () => {
    const sku = await freshSku(8);
    const order = await place(sku.skuId, 5);
    const noReason = await failure(rejectCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version, actor: service, note: '  ' }));
    expect(noReason).toMatchObject({ code: 'validation_failed', details: { field: 'reason' } });
    expect((await orderRow(order.id)).status).toBe('pending');
    expect(await stockOf(sku.skuId)).toMatchObject({ reserved: 5, counter: 3 });

    // Two clicks at once: whichever lands first rejects it, the other is told the order changed.
    const reject = () =>
      rejectCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: order.version, actor: service, note: 'customer declined on the phone' }).then(
        () => 'rejected',
        (e: AppError) => e.code,
      );
    expect((await Promise.all([reject(), reject()])).sort()).toEqual(['invalid_transition', 'rejected']);
    expect((await orderRow(order.id)).status).toBe('cancelled');
    expect(await stockOf(sku.skuId)).toEqual({ stock: 8, reserved: 0, sellable: 8, counter: 8 });
    const cancelled = (await eventsOf(order.id)).filter((e) => e.type === 'order.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.payload).toMatchObject({ reason: 'customer declined on the phone', cashOnDelivery: 'rejected' });
  });
});
