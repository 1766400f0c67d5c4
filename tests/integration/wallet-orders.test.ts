import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, paymentLedger } from '@/db/schema';
import { refunds } from '@/db/schema/refunds';
import { walletEntries } from '@/db/schema/wallet';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import type { Env } from '@/lib/env';
import { convertThroughCny, money, type CurrencyCode } from '@/lib/money';
import { cancelOwnOrder } from '@/lib/payments/cancel-own-order';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { payOrderFromWallet } from '@/lib/payments/pay-order-from-wallet';
import { issueRefund } from '@/lib/payments/refund';
import { walletPartReturns } from '@/lib/payments/return-wallet-part';
import { adjustWallet } from '@/lib/wallet/adjust-wallet';
import { verifyWalletBalances, walletBalanceIn } from '@/lib/wallet/queries';
import type { PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { createGatewayWorld, until } from '../support/gateway-world';
import { deliverWebhook, signedEvent, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// A whole order paid from the balance, or its part with the card paying the rest: real MariaDB,
// Redis, the sandbox gateway (its API and signed webhooks through the real receive → process path).
// Every movement is a payment-ledger row in its currency, in CNY and in the reporting currency.

let stack: Awaited<ReturnType<typeof createGatewayWorld>>;
let world: PurchasingWorld;
let skus: CatalogSku[];
let gateway: PaymentGateway;
let env: Env;
let stripe: Stripe;

beforeAll(async () => {
  stack = await createGatewayWorld('ferry_test_wallet_orders', 8);
  ({ world, gateway, env, stripe } = stack);
  skus = (await skusBySeller(world)).flat();
});
afterAll(async () => stack?.close());

const deps = () => stack.deps();
const staff = { type: 'user' as const, id: 1, label: 'finance@ferry.test' };

async function shopper() {
  const user = await createUser(world.db, { email: `wallet-order-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  return { ...user, actor: { type: 'user' as const, id: user.id, label: user.email } };
}

async function unpaidOrder(user: { id: number; email: string }, currency: CurrencyCode = 'EUR', quantity = 1) {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis },
    {
      items: [{ skuId: skus[0]!.skuId, quantity }],
      currency,
      shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
      checkoutToken: randomUUID(),
      locale: 'en',
      customer: { type: 'user', userId: user.id, email: user.email },
      gateway: 'sandbox',
    },
  );
  return order;
}

const orderRow = async (id: number) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const ledgerOf = (orderId: number) => world.db.select().from(paymentLedger).where(eq(paymentLedger.orderId, orderId)).orderBy(asc(paymentLedger.id));
const fund = (userId: number, currency: string, amountMinor: number) => adjustWallet(world.db, { userId, currency, amountMinor, reason: 'test funds', key: randomUUID() }, staff);


describe('paying a whole order from the balance', () => {
  it('pays it once under ten concurrent clicks, as the card webhook would, with the ledger row in CNY and the reporting currency', async () => {
    const user = await shopper();
    const order = await unpaidOrder(user);
    await fund(user.id, 'EUR', order.chargeMinor + 500);

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => payOrderFromWallet(world.db, world.redis, { userId: user.id, orderNumber: order.number, actor: user.actor }, deps())));
    const paid = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof payOrderFromWallet>>>).value);
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.filter((p) => !p.isRepeat)).toHaveLength(1);
    expect(paid.every((p) => p.outcome === 'paid' && p.walletPaidMinor === order.chargeMinor && p.remainingMinor === 0)).toBe(true);

    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(500);
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: 'paid', walletPaidMinor: order.chargeMinor, gatewayPaymentId: `wallet:order:${order.id}` });
    const ledger = await ledgerOf(order.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ gateway: 'wallet', kind: 'charge', amountMinor: order.chargeMinor, currency: 'EUR', status: 'recorded', transactionId: `wallet:order:${order.id}` });
    expect(ledger[0]!.cnyMinor).toBe(convertThroughCny(money(order.chargeMinor, 'EUR'), row.chargeRate, 'CNY', '1').amountMinor);
    expect(ledger[0]!.reportingCurrency).toBe(row.baseCurrency);
    expect(ledger[0]!.reportingMinor).toBe(convertThroughCny(money(order.chargeMinor, 'EUR'), row.chargeRate, row.baseCurrency as CurrencyCode, row.baseRate).amountMinor);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });

  it('refuses another shopper’s order, an empty balance and a paid order, moving nothing', async () => {
    const owner = await shopper();
    const stranger = await shopper();
    const order = await unpaidOrder(owner);
    await fund(stranger.id, 'EUR', 100_000);
    await expect(payOrderFromWallet(world.db, world.redis, { userId: stranger.id, orderNumber: order.number, actor: stranger.actor }, deps())).rejects.toMatchObject({ code: 'not_found' });
    await expect(payOrderFromWallet(world.db, world.redis, { userId: owner.id, orderNumber: order.number, actor: owner.actor }, deps())).rejects.toMatchObject({ code: 'insufficient_funds' });
    // A balance in another currency does not pay a euro order.
    await fund(owner.id, 'USD', 100_000);
    await expect(payOrderFromWallet(world.db, world.redis, { userId: owner.id, orderNumber: order.number, actor: owner.actor }, deps())).rejects.toMatchObject({ code: 'insufficient_funds' });
    expect(await walletBalanceIn(world.db, stranger.id, 'EUR')).toBe(100_000);
    expect((await orderRow(order.id)).walletPaidMinor).toBe(0);
    expect(await ledgerOf(order.id)).toEqual([]);
  });
});

describe('the balance pays a part, the card the rest', () => {
  it('asks the gateway for the rest only, withdrawing a payment opened for the whole charge, and the card webhook pays the order', async () => {
    const user = await shopper();
    const order = await unpaidOrder(user, 'EUR', 2);
    const part = Math.floor(order.chargeMinor / 3);
    await fund(user.id, 'EUR', part);

    // The shopper opened the card's pay page for the whole charge first, then came back to use the balance.
    const first = await startOrderPayment(world.db, env, await orderRow(order.id), 'http://shop.test/return');
    expect(first).toContain('/pay/');
    const wholeIntent = (await orderRow(order.id)).gatewayPaymentId!;

    const paid = await payOrderFromWallet(world.db, world.redis, { userId: user.id, orderNumber: order.number, actor: user.actor }, deps());
    expect(paid).toMatchObject({ outcome: 'part_paid', walletPaidMinor: part, remainingMinor: order.chargeMinor - part, isRepeat: false });
    expect((await stripe.paymentIntents.retrieve(wholeIntent)).status).toBe('canceled');
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(0);

    await startOrderPayment(world.db, env, await orderRow(order.id), 'http://shop.test/return');
    const restIntent = (await orderRow(order.id)).gatewayPaymentId!;
    expect(restIntent).not.toBe(wholeIntent);
    expect((await stripe.paymentIntents.retrieve(restIntent)).amount).toBe(order.chargeMinor - part);

    // A payment of the whole charge would be a mismatch now: flagged, never paid.
    expect(
      await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: `pi_${randomUUID()}`, object: 'payment_intent', amount: order.chargeMinor, currency: 'eur', metadata: { order_number: order.number } })),
    ).toBe('flagged');
    await fetch(`${gateway.url}/__sandbox/intents/${restIntent}/succeed`, { method: 'POST' });
    await until(() => orderRow(order.id), (o) => o.status === 'paid', 'the order paid by the card’s part');

    const ledger = (await ledgerOf(order.id)).filter((l) => l.status === 'recorded');
    expect(ledger.map((l) => [l.gateway, l.kind, l.amountMinor])).toEqual([
      ['wallet', 'charge', part],
      ['sandbox', 'charge', order.chargeMinor - part],
    ]);

    // Everything back "to the original payment": the card gets what it paid, the balance the rest.
    const refund = await issueRefund(world.db, world.redis, { orderId: order.id, to: 'original', reason: 'seller out of stock', idempotencyKey: `split-${order.id}`, actor: staff }, deps());
    expect(refund).toMatchObject({ amountMinor: order.chargeMinor, to: 'original', isFull: true });
    const rows = await world.db.select().from(refunds).where(eq(refunds.orderId, order.id)).orderBy(asc(refunds.id));
    expect(rows.map((r) => [r.destination, r.amountMinor])).toEqual([
      ['original', order.chargeMinor - part],
      ['wallet', part],
    ]);
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(part);
    // The same key again refunds nothing more and reports the same total.
    const again = await issueRefund(world.db, world.redis, { orderId: order.id, to: 'original', reason: 'seller out of stock', idempotencyKey: `split-${order.id}`, actor: staff }, deps());
    expect(again).toMatchObject({ isRepeat: true, amountMinor: order.chargeMinor });
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(part);
    const walletRefunds = (await ledgerOf(order.id)).filter((l) => l.gateway === 'wallet' && l.kind === 'refund');
    expect(walletRefunds.map((l) => l.amountMinor)).toEqual([part]);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });

  it('gives the balance’s part back once when the unpaid order is cancelled', async () => {
    const user = await shopper();
    const order = await unpaidOrder(user, 'EUR', 2);
    const part = Math.floor(order.chargeMinor / 2);
    await fund(user.id, 'EUR', part);
    await payOrderFromWallet(world.db, world.redis, { userId: user.id, orderNumber: order.number, actor: user.actor }, deps());
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(0);

    await cancelOwnOrder(world.db, world.redis, { userId: user.id, number: order.number, actor: user.actor }, deps());
    const event = { id: 1, type: 'order.cancelled', subjectType: 'order', subjectId: order.id, orderId: order.id, payload: {}, createdAt: new Date() };
    // The relay delivers at least once: a second delivery (or two at once) moves nothing more.
    await Promise.all([walletPartReturns.handle(event, { db: world.db, deliveryKey: 'k1', attempt: 1 }), walletPartReturns.handle(event, { db: world.db, deliveryKey: 'k1', attempt: 2 })]);
    await walletPartReturns.handle(event, { db: world.db, deliveryKey: 'k1', attempt: 3 });

    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(part);
    const entries = await world.db.select().from(walletEntries).where(and(eq(walletEntries.userId, user.id), eq(walletEntries.kind, 'refund')));
    expect(entries.map((e) => e.amountMinor)).toEqual([part]);
    expect((await ledgerOf(order.id)).map((l) => [l.gateway, l.kind, l.amountMinor])).toEqual([
      ['wallet', 'charge', part],
      ['wallet', 'refund', part],
    ]);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });
});

describe('refunds to the balance in the ledger', () => {
  it('records a partial refund to the wallet of a card-paid order as a ledger refund row, so reports see it', async () => {
    const user = await shopper();
    const order = await unpaidOrder(user, 'JPY', 2);
    const intent = `pi_${randomUUID()}`;
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: intent, object: 'payment_intent', amount: order.chargeMinor, currency: 'jpy', metadata: { order_number: order.number } }))).toBe('paid');
    const refund = await issueRefund(world.db, world.redis, { orderId: order.id, amountMinor: 100, to: 'wallet', reason: 'one item damaged', idempotencyKey: `jpy-${order.id}`, actor: staff }, deps());
    expect(refund).toMatchObject({ amountMinor: 100, to: 'wallet', status: 'succeeded', isFull: false });
    const row = await orderRow(order.id);
    const ledger = await ledgerOf(order.id);
    expect(ledger.map((l) => [l.gateway, l.kind, l.amountMinor, l.currency])).toEqual([
      ['sandbox', 'charge', order.chargeMinor, 'JPY'],
      ['wallet', 'refund', 100, 'JPY'],
    ]);
    expect(ledger[1]!.cnyMinor).toBe(convertThroughCny(money(100, 'JPY'), row.chargeRate, 'CNY', '1').amountMinor);
    expect(await walletBalanceIn(world.db, user.id, 'JPY')).toBe(100);
  });
});
