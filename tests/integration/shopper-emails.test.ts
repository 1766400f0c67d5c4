import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema/accounts';
import { eventDeliveries, orderEvents } from '@/db/schema';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import { orderCancelledEmail, orderPartiallyRefundedEmail, orderRefundedEmail, paymentReceivedEmail } from '@/lib/notifications/order-emails';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { formatStoredMoney } from '@/lib/money';
import { shopperEmails } from '@/lib/notifications/shopper-emails';
import { systemActor } from '@/lib/audit/actor';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createCheckoutWorld, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';
import { deliverWebhook, signedEvent } from '../support/purchasing-world';

// The shopper's order emails, end to end in one process: real orders and payment webhooks write the
// outbox events, the relay hands them to the shopper-email subscriber, and the email outbox holds
// what a shopper would read, in the language the order was placed in.
let world: CheckoutWorld;
let shopper: { id: number; email: string };

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_shopper_mail');
  shopper = await createUser(world.db, { email: `mia-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer', name: 'Mia' });
});
afterAll(async () => world?.close());

async function place(locale: string, customer: Parameters<typeof placeOrder>[1]['customer'] = { type: 'user', userId: shopper.id, email: shopper.email }) {
  const skuId = await skuWithStock(world, 50);
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis },
    {
      items: [{ skuId, quantity: 1 }],
      currency: 'EUR',
      shippingAddress: { name: 'Mia Berg', line1: 'Hauptstr. 1', city: 'Berlin', region: null, postalCode: '10115', country: 'DE', phone: '+4930123456' },
      checkoutToken: randomUUID(),
      locale,
      customer,
      gateway: 'sandbox',
    },
  );
  return order;
}

async function pay(order: { number: string; chargeMinor: number; chargeCurrency: string }) {
  const paymentId = `pi_${randomUUID()}`;
  const paid = await deliverWebhook(
    world,
    signedEvent('payment_intent.succeeded', {
      id: paymentId,
      object: 'payment_intent',
      amount: order.chargeMinor,
      amount_received: order.chargeMinor,
      currency: order.chargeCurrency.toLowerCase(),
      metadata: { order_number: order.number },
    }),
  );
  expect(paid).toBe('paid');
  return paymentId;
}

async function refund(order: { number: string; chargeMinor: number; chargeCurrency: string }, paymentId: string, amountRefunded: number) {
  return deliverWebhook(
    world,
    signedEvent('charge.refunded', {
      id: `ch_${paymentId}`,
      object: 'charge',
      amount: order.chargeMinor,
      amount_refunded: amountRefunded,
      currency: order.chargeCurrency.toLowerCase(),
      payment_intent: paymentId,
      metadata: { order_number: order.number },
    }),
  );
}

const mailsOf = (orderNumber: string) =>
  world.db
    .select({ template: emailOutbox.template, subject: emailOutbox.subject, text: emailOutbox.text, to: emailOutbox.to })
    .from(emailOutbox)
    .where(eq(emailOutbox.to, shopper.email))
    .orderBy(asc(emailOutbox.id))
    .then((rows) => rows.filter((r) => r.subject.includes(orderNumber)));

describe('shopper emails through the event relay', () => {
  it('mails placed, paid, partly and wholly refunded, in the order’s language, once each', async () => {
    const order = await place('de');
    const paymentId = await pay(order);
    expect(await refund(order, paymentId, 100)).toBe('partial_refund');
    expect(await refund(order, paymentId, order.chargeMinor)).toBe('refunded');
    await runRelay(world.db, eventSubscribers);

    const mails = await mailsOf(order.number);
    expect(mails.map((m) => m.template)).toEqual(['order-confirmation', 'payment-received', 'order-partially-refunded', 'order-refunded']);
    const facts = { name: 'Mia', orderNumber: order.number };
    const amount = formatStoredMoney(order.chargeMinor, 'EUR', 'de');
    // The confirmation lists what was ordered, the line with its quantity.
    expect(mails[0]!.text).toMatch(/Ihre Artikel:\n• .+ × 1\n/);
    expect(mails[1]!.subject).toBe(paymentReceivedEmail('de', { ...facts, amount }).subject);
    expect(mails[1]!.text).toBe(paymentReceivedEmail('de', { ...facts, amount }).text);
    expect(mails[2]!.text).toBe(orderPartiallyRefundedEmail('de', { ...facts, amount: formatStoredMoney(100, 'EUR', 'de') }).text);
    expect(mails[3]!.text).toBe(orderRefundedEmail('de', { ...facts, amount }).text);
    // German, not the English default: the greeting uses the shopper's name and the amount is written the German way.
    expect(mails[1]!.subject).not.toBe(paymentReceivedEmail('en', { ...facts, amount }).subject);
    expect(mails[1]!.text).toContain('Mia');
    expect(mails[1]!.text).toMatch(/\d,\d\d\s?€/);
    expect(mails[1]!.text).toContain(`/de/account/orders/${order.number}`);

    // Every delivery is done; running the relay again sends nothing more.
    const events = await world.db.select({ id: orderEvents.id }).from(orderEvents).where(eq(orderEvents.orderId, order.id));
    const deliveries = await world.db.select().from(eventDeliveries).where(inArray(eventDeliveries.eventId, events.map((e) => e.id)));
    expect(deliveries.map((d) => d.status)).toEqual(deliveries.map(() => 'done'));
    await runRelay(world.db, eventSubscribers);
    expect(await mailsOf(order.number)).toHaveLength(4);
  });

  it('sends a redelivered event’s email once (the outbox row is keyed by the delivery)', async () => {
    const order = await place('ja');
    await runRelay(world.db, eventSubscribers);
    const [created] = await world.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'order.created')));
    const event = { ...created!, orderId: created!.orderId, payload: created!.payload };
    await shopperEmails.handle(event, { db: world.db, deliveryKey: `shopper-emails:${created!.id}`, attempt: 2 });
    const mails = await mailsOf(order.number);
    expect(mails.map((m) => m.template)).toEqual(['order-confirmation']);
  });

  it('tells the shopper an unpaid order was cancelled because its time ran out', async () => {
    const order = await place('fr');
    expect(await transitionOrder(world.db, world.redis, { orderId: order.id, from: 'pending', to: 'cancelled', actor: systemActor('reservation-expiry'), reason: 'payment window expired' })).toBe(true);
    await runRelay(world.db, eventSubscribers);
    const mails = await mailsOf(order.number);
    expect(mails.map((m) => m.template)).toEqual(['order-confirmation', 'order-cancelled']);
    expect(mails[1]!.text).toBe(orderCancelledEmail('fr', { name: 'Mia', orderNumber: order.number, expired: true }).text);
  });

  it('sends nothing for a partner order, which has no shopper address, and still completes its deliveries', async () => {
    const order = await place('en', { type: 'partner', partnerKeyId: 'pk_mail_test', externalRef: randomUUID() });
    await pay(order);
    await runRelay(world.db, eventSubscribers);
    const events = await world.db.select({ id: orderEvents.id }).from(orderEvents).where(eq(orderEvents.orderId, order.id));
    const deliveries = await world.db
      .select()
      .from(eventDeliveries)
      .where(and(inArray(eventDeliveries.eventId, events.map((e) => e.id)), eq(eventDeliveries.subscriber, 'shopper-emails')));
    expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([
      ['order.created', 'done'],
      ['order.paid', 'done'],
    ]);
    expect(await world.db.select({ id: emailOutbox.id }).from(emailOutbox).where(like(emailOutbox.subject, `%${order.number}%`))).toEqual([]);
  });
});
