import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq, inArray } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orderItems, orders, paymentLedger, priceDifferences, purchaseEvents } from '@/db/schema';
import { walletBalances, walletEntries, walletTopups } from '@/db/schema/wallet';
import { serviceCharges } from '@/db/schema/warehouse';
import { createUser } from '@/lib/auth/create-user';
import { parseEnv, type Env } from '@/lib/env';
import { adjustWallet } from '@/lib/wallet/adjust-wallet';
import { creditWallet, debitWallet } from '@/lib/wallet/entries';
import { payDifferenceFromWallet, payServiceChargeFromWallet } from '@/lib/wallet/pay-from-wallet';
import { verifyWalletBalances, walletBalanceIn, walletBalancesOf } from '@/lib/wallet/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { refundOrder } from '@/lib/payments/refund-order';
import { cardGateway } from '@/lib/payments/registry';
import { startWalletTopup } from '@/lib/payments/start-wallet-topup';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { requestMorePhotos } from '@/lib/warehouse/decisions/request-more-photos';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createPurchasingWorld, deliverWebhook, placePaidOrder, signedEvent, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// The wallet against real MariaDB, Redis, the sandbox payment gateway (its webhooks signed and
// delivered through the real receive → process path) and the 1688 sandbox: top-ups credited once,
// spends that never overdraw under concurrency, adjustments with a reason in the audit trail, a
// price difference and a service charge paid from the balance once, the cache proven equal to the
// ledger, and `ferry wallet show`.
const SECRET_KEY = 'sk_test_ferry_sandbox';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const run = promisify(execFile);

let world: PurchasingWorld;
let sellers: CatalogSku[][];
let receiver: TestReceiver;
let gateway: PaymentGateway;
let env: Env;
let stripe: Stripe;

beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_wallet', 12);
  sellers = await skusBySeller(world);
  receiver = await startTestReceiver(async (request) => {
    try {
      await deliverWebhook(world, { body: request.body, header: request.signature });
      return 200;
    } catch {
      return 400;
    }
  });
  gateway = await startPaymentGateway({ secretKey: SECRET_KEY, webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', retry: { attempts: 5, baseMs: 20 } });
  env = parseEnv({ ...process.env, PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gateway.url });
  stripe = new Stripe(SECRET_KEY, { host: new URL(gateway.url).hostname, port: new URL(gateway.url).port, protocol: 'http' });
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await world?.close();
});

const deps = () => ({ gatewayFor: (name: 'sandbox' | 'stripe' | 'cod') => cardGateway(env, name) });

async function shopper() {
  const user = await createUser(world.db, { email: `wallet-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  return { ...user, actor: { type: 'user' as const, id: user.id, label: user.email } };
}

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const entriesOf = (userId: number) => world.db.select().from(walletEntries).where(eq(walletEntries.userId, userId)).orderBy(asc(walletEntries.id));
const topupRow = async (reference: string) => (await world.db.select().from(walletTopups).where(eq(walletTopups.reference, reference)))[0]!;
const staff = { type: 'user' as const, id: 1, label: 'finance@ferry.test' };

/** Money in the wallet without the gateway (a staff credit), for the tests that spend it. */
async function fund(userId: number, currency: string, amountMinor: number) {
  await adjustWallet(world.db, { userId, currency, amountMinor, reason: 'test funds', key: randomUUID() }, staff);
}

describe('top-ups through the gateway', () => {
  it('credits the wallet once from the sandbox pay page, however often the webhook is replayed', async () => {
    const user = await shopper();
    const { reference, redirectUrl } = await startWalletTopup(world.db, env, { userId: user.id, currency: 'EUR', amountMinor: 2500, returnUrl: 'http://shop.test/en/account/wallet' }, deps());
    expect(redirectUrl.startsWith(`${gateway.url}/pay/`)).toBe(true);
    const topup = await topupRow(reference);
    expect(topup).toMatchObject({ status: 'open', amountMinor: 2500, currency: 'EUR', gateway: 'sandbox' });
    const intent = await stripe.paymentIntents.retrieve(topup.gatewayPaymentId!);
    expect(intent).toMatchObject({ amount: 2500, currency: 'eur', metadata: { wallet_topup_id: String(topup.id), wallet_topup_ref: reference } });
    expect(intent.metadata.order_number).toBeUndefined();

    await fetch(`${gateway.url}/__sandbox/intents/${intent.id}/succeed`, { method: 'POST' });
    await until(() => topupRow(reference), (t) => t.status === 'credited', 'the top-up credited');
    expect(await walletBalancesOf(world.db, user.id)).toEqual([{ currency: 'EUR', amountMinor: 2500 }]);

    // The same payment reported five more times under new event ids, and one event redelivered.
    const object = { id: intent.id, object: 'payment_intent', amount: 2500, amount_received: 2500, currency: 'eur', metadata: { wallet_topup_id: String(topup.id), wallet_topup_ref: reference } };
    const outcomes = [];
    for (let k = 0; k < 5; k++) outcomes.push(await deliverWebhook(world, signedEvent('payment_intent.succeeded', object)));
    expect(outcomes).toEqual(Array(5).fill('duplicate_payment'));
    const again = signedEvent('payment_intent.succeeded', object);
    await deliverWebhook(world, again);
    expect(await deliverWebhook(world, again)).toBe('redelivery');

    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(2500);
    expect((await entriesOf(user.id)).map((e) => [e.kind, e.amountMinor, e.source])).toEqual([['topup', 2500, intent.id]]);
    const ledger = await world.db.select().from(paymentLedger).where(eq(paymentLedger.transactionId, intent.id));
    expect(ledger.map((l) => [l.orderId, l.userId, l.kind, l.amountMinor, l.currency, l.status])).toEqual([[null, user.id, 'charge', 2500, 'EUR', 'recorded']]);
  });

  it('flags a top-up paid with another amount or currency for finance and credits nothing', async () => {
    const user = await shopper();
    const { reference } = await startWalletTopup(world.db, env, { userId: user.id, currency: 'USD', amountMinor: 1000, returnUrl: 'http://shop.test/en/account/wallet' }, deps());
    const topup = await topupRow(reference);
    const metadata = { wallet_topup_id: String(topup.id), wallet_topup_ref: reference };
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: topup.gatewayPaymentId, object: 'payment_intent', amount: 900, currency: 'usd', metadata }))).toBe('flagged');
    expect(await topupRow(reference)).toMatchObject({ status: 'flagged', flagReason: expect.stringContaining('paid 900 USD') });
    // The right amount arriving afterwards for the flagged top-up credits nothing either: finance decides.
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: `pi_${randomUUID()}`, object: 'payment_intent', amount: 1000, currency: 'usd', metadata }))).toBe('flagged');
    expect(await entriesOf(user.id)).toEqual([]);
    expect(await walletBalancesOf(world.db, user.id)).toEqual([]);
    const flagged = await world.db.select().from(paymentLedger).where(eq(paymentLedger.userId, user.id));
    expect(flagged.map((l) => l.status)).toEqual(['flagged', 'flagged']);
    const audit = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'payment.flagged'), eq(auditLog.subjectType, 'wallet_topup'), eq(auditLog.subjectId, String(topup.id))));
    expect(audit).toHaveLength(2);
  });

  it('does not credit a top-up whose reference does not match (another tenant’s top-up with the same id)', async () => {
    const user = await shopper();
    const { reference } = await startWalletTopup(world.db, env, { userId: user.id, currency: 'EUR', amountMinor: 700, returnUrl: 'http://shop.test/en/account/wallet' }, deps());
    const topup = await topupRow(reference);
    const outcome = await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: `pi_${randomUUID()}`, object: 'payment_intent', amount: 700, currency: 'eur', metadata: { wallet_topup_id: String(topup.id), wallet_topup_ref: 'WTSOMEONEELSE' } }));
    expect(outcome).toBe('unknown_topup');
    expect(await walletBalancesOf(world.db, user.id)).toEqual([]);
  });
});

describe('spending', () => {
  it('never takes a balance below zero: of 100 concurrent spends exactly floor(balance / amount) succeed', async () => {
    const user = await shopper();
    await fund(user.id, 'JPY', 1000);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, k) =>
        world.db.transaction((tx) => debitWallet(tx, 'spend', { userId: user.id, currency: 'JPY', amountMinor: 70, source: `test-spend:${user.id}:${k}`, actor: user.actor })),
      ),
    );
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(Math.floor(1000 / 70));
    expect(refused.every((r) => (r.reason as { code?: string }).code === 'insufficient_funds')).toBe(true);
    expect(await walletBalanceIn(world.db, user.id, 'JPY')).toBe(1000 - 14 * 70);
    expect((await entriesOf(user.id)).filter((e) => e.kind === 'spend')).toHaveLength(14);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });

  it('spends one source once, however many requests carry it at the same time', async () => {
    const user = await shopper();
    await fund(user.id, 'EUR', 500);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => world.db.transaction((tx) => debitWallet(tx, 'spend', { userId: user.id, currency: 'EUR', amountMinor: 100, source: `same-click:${user.id}`, actor: user.actor }))),
    );
    expect(results.filter((r) => r === 'debited')).toHaveLength(1);
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(400);
    // A credit replayed under the same source is one credit too.
    expect(await world.db.transaction((tx) => creditWallet(tx, 'refund', { userId: user.id, currency: 'EUR', amountMinor: 50, source: `refund-x:${user.id}`, actor: staff }))).toBe(true);
    expect(await world.db.transaction((tx) => creditWallet(tx, 'refund', { userId: user.id, currency: 'EUR', amountMinor: 50, source: `refund-x:${user.id}`, actor: staff }))).toBe(false);
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(450);
  });
});

describe('adjustments by staff', () => {
  it('need a reason, are audited, apply once per form and never overdraw', async () => {
    const user = await shopper();
    await expect(adjustWallet(world.db, { userId: user.id, currency: 'GBP', amountMinor: 300, reason: '  ', key: randomUUID() }, staff)).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await entriesOf(user.id)).toEqual([]);

    const key = randomUUID();
    const first = await adjustWallet(world.db, { userId: user.id, currency: 'GBP', amountMinor: 300, reason: 'Goodwill for a late parcel', key }, staff);
    const second = await adjustWallet(world.db, { userId: user.id, currency: 'GBP', amountMinor: 300, reason: 'Goodwill for a late parcel', key }, staff);
    expect([first, second]).toEqual([
      { isNew: true, balanceMinor: 300 },
      { isNew: false, balanceMinor: 300 },
    ]);
    await expect(adjustWallet(world.db, { userId: user.id, currency: 'GBP', amountMinor: -301, reason: 'Taking back too much', key: randomUUID() }, staff)).rejects.toMatchObject({ code: 'insufficient_funds' });
    expect((await adjustWallet(world.db, { userId: user.id, currency: 'GBP', amountMinor: -100, reason: 'Duplicate goodwill', key: randomUUID() }, staff)).balanceMinor).toBe(200);

    const audit = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'wallet.adjusted'), eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, String(user.id)))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.actorLabel, (a.details as { amountMinor: number }).amountMinor, (a.details as { reason: string }).reason])).toEqual([
      ['finance@ferry.test', 300, 'Goodwill for a late parcel'],
      ['finance@ferry.test', -100, 'Duplicate goodwill'],
    ]);
    expect((await entriesOf(user.id)).map((e) => [e.kind, e.amountMinor, e.note])).toEqual([
      ['adjustment', 300, 'Goodwill for a late parcel'],
      ['adjustment', -100, 'Duplicate goodwill'],
    ]);
  });
});

describe('paying from the wallet', () => {
  it('pays a price difference once under concurrent clicks, through the same step a card payment takes', async () => {
    const user = await shopper();
    const sku = sellers[0]![0]!;
    const order = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 2 }], { customer: { type: 'user', userId: user.id, email: user.email }, currency: 'EUR' });
    await world.control(`/__sandbox/offers/${sku.offerId}/skus/${sku.sourceSkuId}`, 'POST', { priceFen: sku.priceMinor + 500 });
    expect((await runPurchasing(world.db, world.redis)).outcomes.awaiting_shopper).toBeGreaterThanOrEqual(1);
    const [difference] = await world.db.select().from(priceDifferences).where(eq(priceDifferences.orderId, order.id));
    expect(difference).toMatchObject({ status: 'open', chargeCurrency: 'EUR' });

    // Not enough in the order's currency (and money in another currency does not count).
    await fund(user.id, 'EUR', difference!.chargeMinor - 1);
    await fund(user.id, 'USD', 100_000);
    await expect(payDifferenceFromWallet(world.db, { userId: user.id, differenceId: difference!.id, actor: user.actor })).rejects.toMatchObject({ code: 'insufficient_funds' });
    expect((await world.db.select().from(priceDifferences).where(eq(priceDifferences.id, difference!.id)))[0]!.status).toBe('open');

    await fund(user.id, 'EUR', 1 + 1000);
    const stranger = await shopper();
    await expect(payDifferenceFromWallet(world.db, { userId: stranger.id, differenceId: difference!.id, actor: stranger.actor })).rejects.toMatchObject({ code: 'not_found' });
    const clicks = await Promise.allSettled(Array.from({ length: 6 }, () => payDifferenceFromWallet(world.db, { userId: user.id, differenceId: difference!.id, actor: user.actor })));
    expect(clicks.map((c) => (c.status === 'fulfilled' ? c.value : (c.reason as Error).message)).sort()).toEqual(['already_paid', 'already_paid', 'already_paid', 'already_paid', 'already_paid', 'paid']);

    const [paid] = await world.db.select().from(priceDifferences).where(eq(priceDifferences.id, difference!.id));
    expect(paid).toMatchObject({ status: 'paid', gatewayPaymentId: `wallet:price_difference:${difference!.id}` });
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(1000);
    expect(await walletBalanceIn(world.db, user.id, 'USD')).toBe(100_000);
    expect((await entriesOf(user.id)).filter((e) => e.kind === 'spend').map((e) => [e.amountMinor, e.source])).toEqual([[-difference!.chargeMinor, `price_difference:${difference!.id}`]]);
    const events = await world.db.select().from(purchaseEvents).where(and(eq(purchaseEvents.purchaseOrderId, difference!.purchaseOrderId), eq(purchaseEvents.step, 'difference_paid')));
    expect(events).toHaveLength(1);
    const items = await world.db.select({ status: orderItems.purchaseStatus }).from(orderItems).where(eq(orderItems.orderId, order.id));
    expect(items.every((i) => i.status === 'queued')).toBe(true);
    expect(await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'wallet.spent'), eq(auditLog.subjectId, String(user.id))))).toHaveLength(1);
    // The order's revenue sees it: one ledger charge of the balance, beside the card's.
    const walletRows = await world.db.select().from(paymentLedger).where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.gateway, 'wallet')));
    expect(walletRows.map((l) => [l.kind, l.amountMinor, l.currency, l.transactionId])).toEqual([['charge', difference!.chargeMinor, 'EUR', `wallet:price_difference:${difference!.id}`]]);
    expect(walletRows[0]!.cnyMinor).toBeGreaterThan(0);
    // Settled: a card payment for it now would be flagged by the webhook, and the wallet refuses again.
    await expect(payDifferenceFromWallet(world.db, { userId: user.id, differenceId: difference!.id, actor: user.actor })).resolves.toBe('already_paid');
  });

  it('pays a service charge (more QC photos) once under concurrent clicks and grants the photos', async () => {
    const user = await shopper();
    const sku = sellers[1]?.[0] ?? sellers[0]![1]!;
    const order = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 1 }], { customer: { type: 'user', userId: user.id, email: user.email }, currency: 'EUR' });
    const items = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id));
    await world.db
      .update(orderItems)
      .set({ purchaseStatus: 'purchased', fulfilmentStatus: 'in_warehouse', receivedAt: new Date(), weightGrams: 300, receiptOutcome: 'complete', qcReadyAt: new Date() })
      .where(inArray(orderItems.id, items.map((i) => i.id)));
    const charge = await requestMorePhotos(world.db, { owner: { userId: user.id }, itemId: items[0]!.id, orderNumber: order.number, actor: user.actor });
    expect(charge.status).toBe('open');
    expect(charge.chargeMinor).toBeGreaterThan(0);
    await fund(user.id, 'EUR', charge.chargeMinor + 5);

    const clicks = await Promise.allSettled(Array.from({ length: 5 }, () => payServiceChargeFromWallet(world.db, { userId: user.id, serviceChargeId: charge.id, actor: user.actor })));
    expect(clicks.map((c) => (c.status === 'fulfilled' ? c.value : (c.reason as Error).message)).sort()).toEqual(['already_paid', 'already_paid', 'already_paid', 'already_paid', 'paid']);
    const [paid] = await world.db.select().from(serviceCharges).where(eq(serviceCharges.id, charge.id));
    expect(paid).toMatchObject({ status: 'paid', gatewayPaymentId: `wallet:service_charge:${charge.id}`, openItemId: null });
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(5);
  });
});

describe('refunds of what the wallet paid', () => {
  it('returns a price difference paid from the wallet to the wallet when staff refund the order, once, and the card payment to the card', async () => {
    const user = await shopper();
    const sku = sellers[0]![1] ?? sellers[1]![0]!;
    const { order } = await placeOrder(
      { db: world.db, redis: world.redis, env },
      {
        items: [{ skuId: sku.skuId, quantity: 1 }],
        currency: 'EUR',
        shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
        checkoutToken: randomUUID(),
        locale: 'en',
        customer: { type: 'user', userId: user.id, email: user.email },
        gateway: 'sandbox',
      },
    );
    const orderRow = async () => (await world.db.select().from(orders).where(eq(orders.id, order.id)))[0]!;
    await startOrderPayment(world.db, env, await orderRow(), `http://shop.test/pay/${order.number}/return`);
    await fetch(`${gateway.url}/__sandbox/intents/${(await orderRow()).gatewayPaymentId}/succeed`, { method: 'POST' });
    await until(orderRow, (o) => o.status === 'paid', 'the order paid');
    await world.control(`/__sandbox/offers/${sku.offerId}/skus/${sku.sourceSkuId}`, 'POST', { priceFen: sku.priceMinor + 800 });
    await runPurchasing(world.db, world.redis);
    const [difference] = await world.db.select().from(priceDifferences).where(eq(priceDifferences.orderId, order.id));
    await fund(user.id, 'EUR', difference!.chargeMinor);
    expect(await payDifferenceFromWallet(world.db, { userId: user.id, differenceId: difference!.id, actor: user.actor })).toBe('paid');
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(0);

    const { status } = await orderRow();
    const refunded = await refundOrder(world.db, world.redis, { orderId: order.id, from: status, actor: staff }, deps());
    expect(refunded.refund).toMatchObject({ gateway: 'sandbox', amountMinor: order.chargeMinor });
    expect(refunded.differences).toEqual([expect.objectContaining({ gateway: 'wallet', amountMinor: difference!.chargeMinor, currency: 'EUR' })]);
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(difference!.chargeMinor);
    expect((await world.db.select().from(priceDifferences).where(eq(priceDifferences.id, difference!.id)))[0]!.status).toBe('cancelled');
    expect((await orderRow()).status).toBe('refunded');
    // Asked again (a retried click): the order has moved on and nothing is credited twice.
    await expect(refundOrder(world.db, world.redis, { orderId: order.id, from: status, actor: staff }, deps())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await entriesOf(user.id)).filter((e) => e.kind === 'refund').map((e) => [e.amountMinor, e.source])).toEqual([[difference!.chargeMinor, `price_difference:${difference!.id}`]]);
  });
});

describe('the cached balance', () => {
  it('equals the sum of the ledger after all of the above, and a tampered cache is caught', async () => {
    expect(await verifyWalletBalances(world.db)).toEqual([]);
    const [row] = await world.db.select().from(walletBalances).limit(1);
    await world.db.update(walletBalances).set({ balanceMinor: row!.balanceMinor + 1 }).where(and(eq(walletBalances.userId, row!.userId), eq(walletBalances.currency, row!.currency)));
    expect(await verifyWalletBalances(world.db)).toEqual([{ userId: row!.userId, currency: row!.currency, cachedMinor: row!.balanceMinor + 1, ledgerMinor: row!.balanceMinor }]);
    await world.db.update(walletBalances).set({ balanceMinor: row!.balanceMinor }).where(and(eq(walletBalances.userId, row!.userId), eq(walletBalances.currency, row!.currency)));
  });
});

describe('ferry wallet show', () => {
  async function ferry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: world.url, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('prints the balances per currency as JSON, and refuses an unknown or missing email', async () => {
    const user = await shopper();
    await fund(user.id, 'USD', 1234);
    await fund(user.id, 'JPY', 500);
    const shown = await ferry('wallet', 'show', '--email', user.email.toUpperCase());
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(`${JSON.stringify({ balances: [{ currency: 'JPY', amountMinor: 500 }, { currency: 'USD', amountMinor: 1234 }] })}\n`);

    const empty = await shopper();
    expect((await ferry('wallet', 'show', '--email', empty.email)).stdout).toBe('{"balances":[]}\n');

    const unknown = await ferry('wallet', 'show', '--email', 'nobody-here@ferry.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trim()).toBe('ferry: wallet show: no account with email nobody-here@ferry.test');
    const missing = await ferry('wallet', 'show');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--email <email> is required');
  });
});
