import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import { createCheckoutWorld, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';
import { deliverWebhook, placePaidOrder, signedEvent } from '../support/purchasing-world';

// Stripe's charge.refunded carries the charge's refunded total so far. The ledger must add up to
// that total whatever the number, order or repetition of the events (a later full refund by staff
// subtracts what the ledger says was already refunded).
let world: CheckoutWorld;

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_refund_ledger', 3);
});
afterAll(async () => world?.close());

const refunded = (order: { number: string; chargeMinor: number; chargeCurrency: string }, chargeId: string, total: number) =>
  signedEvent('charge.refunded', {
    id: chargeId,
    object: 'charge',
    amount: order.chargeMinor,
    amount_refunded: total,
    currency: order.chargeCurrency.toLowerCase(),
    payment_intent: null,
    metadata: { order_number: order.number },
  });

async function refundRows(orderId: number) {
  return world.db.select({ amountMinor: paymentLedger.amountMinor }).from(paymentLedger).where(and(eq(paymentLedger.orderId, orderId), eq(paymentLedger.kind, 'refund')));
}

describe('charge.refunded in the ledger', () => {
  it('records what each partial refund adds, so the rows add up to the refunded total', async () => {
    const order = await placePaidOrder(world, [{ skuId: await skuWithStock(world, 10), quantity: 2 }]);
    const charge = `ch_${randomUUID()}`;
    const first = Math.floor(order.chargeMinor / 4);
    const second = Math.floor(order.chargeMinor / 2);
    expect(await deliverWebhook(world, refunded(order, charge, first))).toBe('partial_refund');
    expect(await deliverWebhook(world, refunded(order, charge, second))).toBe('partial_refund');
    const rows = await refundRows(order.id);
    expect(rows.map((r) => r.amountMinor)).toEqual([first, second - first]);
    expect(rows.reduce((n, r) => n + r.amountMinor, 0)).toBe(second);
    const [row] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('paid');
  });

  it('adds nothing for a repeated total or an older total arriving late', async () => {
    const order = await placePaidOrder(world, [{ skuId: await skuWithStock(world, 10, 1), quantity: 1 }]);
    const charge = `ch_${randomUUID()}`;
    const small = Math.floor(order.chargeMinor / 5);
    const larger = Math.floor(order.chargeMinor / 2);
    expect(await deliverWebhook(world, refunded(order, charge, larger))).toBe('partial_refund');
    // The same total under another event id (a second delivery path), then the older total.
    expect(await deliverWebhook(world, refunded(order, charge, larger))).toBe('duplicate_refund');
    expect(await deliverWebhook(world, refunded(order, charge, small))).toBe('stale_refund');
    expect((await refundRows(order.id)).map((r) => r.amountMinor)).toEqual([larger]);
  });

  it('moves the order to refunded once the whole charge is refunded, with the rows adding up to it', async () => {
    const order = await placePaidOrder(world, [{ skuId: await skuWithStock(world, 10, 2), quantity: 1 }]);
    const charge = `ch_${randomUUID()}`;
    const part = Math.floor(order.chargeMinor / 3);
    expect(await deliverWebhook(world, refunded(order, charge, part))).toBe('partial_refund');
    expect(await deliverWebhook(world, refunded(order, charge, order.chargeMinor))).toBe('refunded');
    const rows = await refundRows(order.id);
    expect(rows.reduce((n, r) => n + r.amountMinor, 0)).toBe(order.chargeMinor);
    const [row] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row!.status).toBe('refunded');
  });
});
