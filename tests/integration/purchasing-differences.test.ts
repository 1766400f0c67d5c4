import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema/accounts';
import { orderEvents, orderItems, orders, paymentLedger, priceDifferences, purchaseEvents, purchaseOrders, skus } from '@/db/schema';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import { parseEnv, type Env } from '@/lib/env';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { refundOrder } from '@/lib/payments/refund-order';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { cardGateway } from '@/lib/payments/registry';
import { declinePriceDifference } from '@/lib/payments/decline-price-difference';
import { listOrderDifferences } from '@/lib/purchasing/queries/list-order-differences';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { startDifferencePayment } from '@/lib/payments/start-difference-payment';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createPurchasingWorld, deliverWebhook, signedEvent, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

const SECRET_KEY = 'sk_test_ferry_sandbox';

let world: PurchasingWorld;
let sellers: CatalogSku[][];
let receiver: TestReceiver;
let gateway: PaymentGateway;
let env: Env;
let shopper: { id: number; email: string };
let stranger: { id: number };

beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_purchasing_diff');
  sellers = await skusBySeller(world);
  // The route's recipe, in process: verify and store the event, then apply it.
  receiver = await startTestReceiver(async (request) => {
    try {
      await deliverWebhook(world, { body: request.body, header: request.signature });
      return 200;
    } catch {
      return 400;
    }
  });
  gateway = await startPaymentGateway({ secretKey: SECRET_KEY, webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', retry: { attempts: 5, baseMs: 20 } });
  env = parseEnv({ ...process.env, SANDBOX_GATEWAY_URL: gateway.url });
  shopper = await createUser(world.db, { email: `shopper-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  stranger = await createUser(world.db, { email: `other-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await world?.close();
});

const actor = () => ({ type: 'user' as const, id: shopper.id, label: shopper.email });

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** 1 CNY = rate EUR: the exact product, rounded half-even to the cent once (independent of lib/money). */
function atRate(cnyMinor: number, rate: string): number {
  const [whole, fraction = ''] = rate.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const exact = BigInt(cnyMinor) * BigInt(`${whole}${fraction}`);
  const [quotient, twice] = [exact / scale, (exact % scale) * 2n];
  return Number(twice > scale || (twice === scale && quotient % 2n === 1n) ? quotient + 1n : quotient);
}

async function orderRow(id: number) {
  const [row] = await world.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

/** A shopper's order paid on the sandbox gateway: the real pay link step, the gateway's "Pay successfully", its webhooks. */
async function paidByShopper(items: { skuId: number; quantity: number }[]) {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis, env },
    {
      items,
      currency: 'EUR',
      shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
      checkoutToken: randomUUID(),
      locale: 'en',
      customer: { type: 'user', userId: shopper.id, email: shopper.email },
      gateway: 'sandbox',
    },
  );
  await startOrderPayment(world.db, env, await orderRow(order.id), `http://shop.test/pay/${order.number}/return`);
  const { gatewayPaymentId } = await orderRow(order.id);
  await fetch(`${gateway.url}/__sandbox/intents/${gatewayPaymentId}/succeed`, { method: 'POST' });
  await until(() => orderRow(order.id), (o) => o.status === 'paid', `order ${order.number} paid`);
  return { ...order, gatewayPaymentId: gatewayPaymentId! };
}

async function raisePrice(sku: CatalogSku, byFen: number) {
  await world.control(`/__sandbox/offers/${sku.offerId}/skus/${sku.sourceSkuId}`, 'POST', { priceFen: sku.priceMinor + byFen });
}

async function differencesOf(orderId: number) {
  return world.db.select().from(priceDifferences).where(eq(priceDifferences.orderId, orderId)).orderBy(asc(priceDifferences.id));
}

async function itemsOf(orderId: number) {
  return world.db.select({ id: orderItems.id, skuId: orderItems.skuId, status: orderItems.purchaseStatus, poId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
}

async function ledgerOf(orderId: number) {
  return world.db.select().from(paymentLedger).where(eq(paymentLedger.orderId, orderId)).orderBy(asc(paymentLedger.id));
}

async function skuRow(skuId: number) {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
  return row!;
}

describe('price differences', () => {
  it('asks the shopper for a price rise at the pinned rate and buys nothing; paid, it buys at the new price', async () => {
    const sku = sellers[0]![0]!;
    const order = await paidByShopper([{ skuId: sku.skuId, quantity: 2 }]);
    await raisePrice(sku, 137);
    const before = await world.upstreamOrders();

    expect((await runPurchasing(world.db, world.redis)).outcomes.awaiting_shopper).toBe(1);
    const [item] = await itemsOf(order.id);
    expect(item!.status).toBe('awaiting_shopper');
    const [waitingPo] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, item!.poId!));
    expect(waitingPo).toMatchObject({ status: 'awaiting_shopper', expectedGoodsMinor: sku.priceMinor * 2, previewGoodsMinor: (sku.priceMinor + 137) * 2 });
    expect(await world.upstreamOrders()).toHaveLength(before.length);
    expect((await orderRow(order.id)).status).toBe('purchasing');

    const [difference] = await differencesOf(order.id);
    expect(difference).toMatchObject({ status: 'open', amountCnyMinor: 274, chargeCurrency: 'EUR', chargeMinor: atRate(274, order.chargeRate) });
    expect(difference!.chargeMinor).toBeGreaterThan(0);
    expect(difference!.lines).toEqual([{ orderItemId: item!.id, quantity: 2, paidUnitMinor: sku.priceMinor, upstreamUnitMinor: sku.priceMinor + 137 }]);
    // The request is an order fact in the outbox; the shopper's email goes out through the relay.
    expect(await world.db.select({ type: orderEvents.type }).from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'order.price_difference')))).toHaveLength(1);
    await runRelay(world.db, eventSubscribers);
    await runRelay(world.db, eventSubscribers);
    const mail = await world.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, shopper.email), eq(emailOutbox.template, 'price-difference')));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(order.number);
    // The shopper's order page sees the request; nobody else's does.
    expect((await listOrderDifferences(world.db, shopper.id, order.number)).map((d) => d.id)).toEqual([difference!.id]);
    expect(await listOrderDifferences(world.db, stranger.id, order.number)).toEqual([]);

    const returnUrl = `http://shop.test/en/account/orders/${order.number}`;
    await expect(startDifferencePayment(world.db, env, { userId: stranger.id, differenceId: difference!.id, returnUrl })).rejects.toMatchObject({ code: 'not_found' });
    const payUrl = await startDifferencePayment(world.db, env, { userId: shopper.id, differenceId: difference!.id, returnUrl });
    expect(payUrl.startsWith(`${gateway.url}/pay/`)).toBe(true);
    const [started] = await differencesOf(order.id);
    const stripe = new Stripe(SECRET_KEY, { host: new URL(gateway.url).hostname, port: new URL(gateway.url).port, protocol: 'http' });
    const intent = await stripe.paymentIntents.retrieve(started!.gatewayPaymentId!);
    expect(intent).toMatchObject({ amount: difference!.chargeMinor, currency: 'eur', metadata: { order_number: order.number, price_difference_id: String(difference!.id) } });
    // Opening the pay page twice reuses the same payment.
    await startDifferencePayment(world.db, env, { userId: shopper.id, differenceId: difference!.id, returnUrl });
    expect((await differencesOf(order.id))[0]!.gatewayPaymentId).toBe(intent.id);

    await fetch(`${gateway.url}/__sandbox/intents/${intent.id}/succeed`, { method: 'POST' });
    await until(() => differencesOf(order.id), ([d]) => d!.status === 'paid', 'the difference paid');
    const ledger = await ledgerOf(order.id);
    expect(ledger.filter((l) => l.kind === 'charge').map((l) => [l.transactionId, l.amountMinor, l.status])).toEqual([
      [order.gatewayPaymentId, order.chargeMinor, 'recorded'],
      [intent.id, difference!.chargeMinor, 'recorded'],
    ]);
    const paid = await orderRow(order.id);
    expect(paid.status).toBe('purchasing');
    expect(paid.gatewayPaymentId).toBe(order.gatewayPaymentId);
    const paidEvents = await world.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'order.paid')));
    expect(paidEvents).toHaveLength(1);
    expect((await itemsOf(order.id))[0]).toMatchObject({ status: 'queued', poId: null });
    const [closed] = await world.db.select({ status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.id, waitingPo!.id));
    expect(closed!.status).toBe('cancelled');

    expect((await runPurchasing(world.db, world.redis)).outcomes.placed).toBe(1);
    const upstream = (await world.upstreamOrders()).filter((o) => !before.some((p) => p.id === o.id));
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.lines).toMatchObject([{ skuId: sku.sourceSkuId, quantity: 2, unitPriceFen: sku.priceMinor + 137 }]);
    expect((await orderRow(order.id)).status).toBe('purchased');

    // Refunded whole by staff, the shopper gets back the order's payment and the difference paid on top.
    const refunded = await refundOrder(world.db, world.redis, { orderId: order.id, from: 'purchased', actor: { type: 'user', id: 1, label: 'finance@ferry.test' } }, { gatewayFor: (name) => cardGateway(env, name) });
    expect(refunded.refund).toMatchObject({ paymentId: order.gatewayPaymentId, amountMinor: order.chargeMinor, currency: 'EUR' });
    expect(refunded.differences).toEqual([expect.objectContaining({ paymentId: intent.id, amountMinor: difference!.chargeMinor, currency: 'EUR' })]);
    expect((await orderRow(order.id)).status).toBe('refunded');
    expect((await differencesOf(order.id))[0]!.status).toBe('cancelled');
    const refundRows = await until(
      () => ledgerOf(order.id),
      (rows) => rows.filter((r) => r.kind === 'refund').reduce((n, r) => n + r.amountMinor, 0) === order.chargeMinor + difference!.chargeMinor,
      'both refund webhooks',
    );
    expect(refundRows.filter((r) => r.kind === 'refund')).toHaveLength(2);
  });

  it('cancels declined lines and refunds them at the pinned rate, while the rest of the order is bought', async () => {
    const seller = sellers[1]!;
    expect(seller.length).toBeGreaterThanOrEqual(2);
    const [risen, steady] = [seller[0]!, seller[1]!];
    const order = await paidByShopper([
      { skuId: risen.skuId, quantity: 1 },
      { skuId: steady.skuId, quantity: 2 },
    ]);
    const [risenBefore, steadyBefore] = [await skuRow(risen.skuId), await skuRow(steady.skuId)];
    await raisePrice(risen, 250);

    const run = await runPurchasing(world.db, world.redis);
    expect(run.outcomes).toMatchObject({ awaiting_shopper: 1, placed: 1 });
    expect((await itemsOf(order.id)).map((i) => i.status)).toEqual(['awaiting_shopper', 'purchased']);
    const [difference] = await differencesOf(order.id);

    await expect(declinePriceDifference(world.db, world.redis, env, { differenceId: difference!.id, userId: stranger.id }, actor())).rejects.toMatchObject({ code: 'not_found' });
    const declined = await declinePriceDifference(world.db, world.redis, env, { differenceId: difference!.id, userId: shopper.id }, actor());
    expect(declined.orderRefunded).toBe(false);
    expect(declined.refund).toMatchObject({ amountMinor: atRate(risen.priceMinor, order.chargeRate), currency: 'EUR', paymentId: order.gatewayPaymentId, isWholeOrder: false });
    await expect(declinePriceDifference(world.db, world.redis, env, { differenceId: difference!.id, userId: shopper.id }, actor())).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(startDifferencePayment(world.db, env, { userId: shopper.id, differenceId: difference!.id, returnUrl: 'http://shop.test/' })).rejects.toMatchObject({ code: 'invalid_transition' });

    expect((await itemsOf(order.id)).map((i) => i.status)).toEqual(['cancelled', 'purchased']);
    expect((await orderRow(order.id)).status).toBe('purchased');
    expect((await differencesOf(order.id))[0]).toMatchObject({ status: 'declined' });
    // The bought units left the stock; the cancelled one went back to being sellable.
    expect(await skuRow(steady.skuId)).toEqual({ stock: steadyBefore.stock - 2, reserved: steadyBefore.reserved - 2 });
    expect(await skuRow(risen.skuId)).toEqual({ stock: risenBefore.stock, reserved: risenBefore.reserved - 1 });
    // The gateway refunded exactly that, and said so by webhook.
    const refunds = await until(() => ledgerOf(order.id), (rows) => rows.some((r) => r.kind === 'refund'), 'the refund webhook');
    expect(refunds.filter((r) => r.kind === 'refund').map((r) => r.amountMinor)).toEqual([declined.refund!.amountMinor]);
    const steps = await world.db.select({ step: purchaseEvents.step }).from(purchaseEvents).where(eq(purchaseEvents.purchaseOrderId, difference!.purchaseOrderId));
    expect(steps.map((s) => s.step)).toEqual(expect.arrayContaining(['price_rise', 'declined', 'closed']));
  });

  it('refunds the whole rest of the charge when the declined lines were the last, and refunds the order', async () => {
    const sku = sellers[2]![0]!;
    const order = await paidByShopper([{ skuId: sku.skuId, quantity: 1 }]);
    const stockBefore = await skuRow(sku.skuId);
    await raisePrice(sku, 90);
    await runPurchasing(world.db, world.redis);
    const [difference] = await differencesOf(order.id);
    const declined = await declinePriceDifference(world.db, world.redis, env, { differenceId: difference!.id, userId: shopper.id }, actor());
    expect(declined).toMatchObject({ orderRefunded: true, refund: { amountMinor: order.chargeMinor, isWholeOrder: true } });
    expect((await orderRow(order.id)).status).toBe('refunded');
    expect(await skuRow(sku.skuId)).toEqual({ stock: stockBefore.stock, reserved: stockBefore.reserved - 1 });
    await until(() => ledgerOf(order.id), (rows) => rows.some((r) => r.kind === 'refund'), 'the refund webhook');
    expect((await ledgerOf(order.id)).filter((r) => r.kind === 'refund').map((r) => r.amountMinor)).toEqual([order.chargeMinor]);
    expect((await orderRow(order.id)).status).toBe('refunded');
  });

  it('flags a difference payment of the wrong amount, or for a request no longer open, and applies neither', async () => {
    const sku = sellers[3]![0]!;
    const order = await paidByShopper([{ skuId: sku.skuId, quantity: 1 }]);
    await raisePrice(sku, 55);
    await runPurchasing(world.db, world.redis);
    const [difference] = await differencesOf(order.id);
    const intent = (amount: number) => ({
      id: `pi_${randomUUID()}`,
      object: 'payment_intent',
      amount,
      amount_received: amount,
      currency: 'eur',
      metadata: { order_number: order.number, price_difference_id: String(difference!.id) },
    });
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', intent(difference!.chargeMinor + 1)))).toBe('flagged');
    expect((await differencesOf(order.id))[0]!.status).toBe('open');

    await declinePriceDifference(world.db, world.redis, env, { differenceId: difference!.id, userId: shopper.id }, actor());
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', intent(difference!.chargeMinor)))).toBe('flagged');
    expect((await differencesOf(order.id))[0]!.status).toBe('declined');
    const flagged = (await ledgerOf(order.id)).filter((r) => r.status === 'flagged');
    expect(flagged).toHaveLength(2);
    expect((await orderRow(order.id)).status).toBe('refunded');
  });
});
