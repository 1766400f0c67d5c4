import { randomUUID } from 'node:crypto';
import { and, asc, eq, like } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, paymentLedger } from '@/db/schema';
import { walletEntries, walletTopups } from '@/db/schema/wallet';
import { createUser } from '@/lib/auth/create-user';
import type { Env } from '@/lib/env';
import { processWebhookEvent } from '@/lib/payments/process-webhook-event';
import { startWalletTopup } from '@/lib/payments/start-wallet-topup';
import { debitWallet } from '@/lib/wallet/entries';
import { verifyWalletBalances, walletBalanceIn } from '@/lib/wallet/queries';
import { storeWebhook } from '@/lib/webhooks/store-webhook';
import type { PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import type { ReceivedWebhook, TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createGatewayWorld, until } from '../support/gateway-world';
import { deliverWebhook, signedEvent, type PurchasingWorld } from '../support/purchasing-world';

// A wallet top-up refunded in the gateway's dashboard (here: the sandbox gateway's refund API, its
// charge.refunded webhooks signed, duplicated and reordered by the sandbox and delivered through the
// real receive → process path): the wallet gives the money back once, partial refunds add up, the
// balance never goes below zero (what was already spent is flagged for finance instead), and
// replaying every event changes nothing.

let stack: Awaited<ReturnType<typeof createGatewayWorld>>;
let world: PurchasingWorld;
let receiver: TestReceiver;
let gateway: PaymentGateway;
let env: Env;
let stripe: Stripe;

beforeAll(async () => {
  stack = await createGatewayWorld('ferry_test_topup_refund', 4);
  ({ world, receiver, gateway, env, stripe } = stack);
});
afterAll(async () => stack?.close());

const deps = () => stack.deps();
const staff = { type: 'user' as const, id: 1, label: 'finance@ferry.test' };


async function shopper() {
  return createUser(world.db, { email: `topup-refund-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
}

/** A top-up paid on the sandbox's pay page and credited by its webhook. */
async function creditedTopup(userId: number, currency: string, amountMinor: number) {
  const { reference } = await startWalletTopup(world.db, env, { userId, currency, amountMinor, returnUrl: 'http://shop.test/en/account/wallet' }, deps());
  const [opened] = await world.db.select().from(walletTopups).where(eq(walletTopups.reference, reference));
  await fetch(`${gateway.url}/__sandbox/intents/${opened!.gatewayPaymentId}/succeed`, { method: 'POST' });
  const [topup] = await until(() => world.db.select().from(walletTopups).where(eq(walletTopups.reference, reference)), (rows) => rows[0]?.status === 'credited', 'the top-up credited');
  const intent = await stripe.paymentIntents.retrieve(topup!.gatewayPaymentId!);
  return { topup: topup!, intentId: intent.id, chargeId: String(intent.latest_charge) };
}

const entriesOf = (userId: number) => world.db.select().from(walletEntries).where(eq(walletEntries.userId, userId)).orderBy(asc(walletEntries.id));
const refundRowsOf = (chargeId: string) => world.db.select().from(paymentLedger).where(and(eq(paymentLedger.kind, 'refund'), like(paymentLedger.transactionId, `${chargeId}:%`))).orderBy(asc(paymentLedger.id));
const refundedEvents = (chargeId: string) => receiver.received.filter((r) => r.event.type === 'charge.refunded' && r.event.data.object.id === chargeId);

/** Every charge.refunded event of the charge delivered again as received (3×) and re-sent under 3 new event ids each. */
async function replay3x(chargeId: string): Promise<string[]> {
  const seen = new Map<string, ReceivedWebhook>();
  for (const delivery of refundedEvents(chargeId)) seen.set(delivery.event.id, delivery);
  const outcomes: string[] = [];
  for (const delivery of seen.values()) {
    for (let k = 0; k < 3; k++) outcomes.push(await deliverWebhook(world, { body: delivery.body, header: delivery.signature }));
    for (let k = 0; k < 3; k++) outcomes.push(await deliverWebhook(world, signedEvent('charge.refunded', delivery.event.data.object)));
  }
  return outcomes;
}

describe('a wallet top-up refunded at the gateway', () => {
  it('is taken back from the wallet once, however often its webhook is replayed', async () => {
    const user = await shopper();
    const { topup, intentId, chargeId } = await creditedTopup(user.id, 'EUR', 2_500);
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(2_500);

    await stripe.refunds.create({ payment_intent: intentId });
    await until(() => walletBalanceIn(world.db, user.id, 'EUR'), (balance) => balance === 0, 'the wallet debited');
    await until(async () => refundedEvents(chargeId).length, (n) => n >= 1, 'the charge.refunded delivery');

    const outcomes = await replay3x(chargeId);
    expect(outcomes.filter((o) => o === 'redelivery')).toHaveLength(outcomes.length / 2);
    expect(outcomes.filter((o) => o === 'duplicate_refund')).toHaveLength(outcomes.length / 2);

    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(0);
    expect((await entriesOf(user.id)).map((e) => [e.kind, e.amountMinor, e.source, e.note])).toEqual([
      ['topup', 2_500, intentId, topup.reference],
      ['adjustment', -2_500, `topup_refund:${chargeId}:2500`, topup.reference],
    ]);
    expect((await refundRowsOf(chargeId)).map((r) => [r.orderId, r.userId, r.gateway, r.transactionId, r.amountMinor, r.currency, r.status])).toEqual([
      [null, user.id, 'sandbox', `${chargeId}:2500`, 2_500, 'EUR', 'recorded'],
    ]);
    const audit = await world.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'wallet_topup'), eq(auditLog.subjectId, String(topup.id))));
    expect(audit.map((a) => [a.action, a.details])).toEqual([['wallet.topup_refunded', expect.objectContaining({ refundedMinor: 2_500, takenMinor: 2_500, shortfallMinor: 0 })]]);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });

  it('adds up repeated partial refunds, whatever order their events arrive in, and an older total adds nothing', async () => {
    const user = await shopper();
    const { intentId, chargeId } = await creditedTopup(user.id, 'USD', 3_000);
    await stripe.refunds.create({ payment_intent: intentId, amount: 1_000 });
    await stripe.refunds.create({ payment_intent: intentId, amount: 500 });
    await until(() => walletBalanceIn(world.db, user.id, 'USD'), (balance) => balance === 1_500, 'both refunds taken back');
    await until(async () => new Set(refundedEvents(chargeId).map((r) => r.event.id)).size, (n) => n === 2, 'both charge.refunded deliveries');

    const outcomes = await replay3x(chargeId);
    // The gateway may deliver the two events in either order (the sandbox reorders on purpose): when
    // the 1,500 total landed first, the 1,000 one was stale on arrival and is stale again on replay.
    expect(outcomes.every((o) => o === 'redelivery' || o === 'duplicate_refund' || o === 'stale_refund')).toBe(true);
    // A total the gateway reported before the newest one (1,200 of it) adds nothing.
    const object = refundedEvents(chargeId)[0]!.event.data.object;
    expect(await deliverWebhook(world, signedEvent('charge.refunded', { ...object, amount_refunded: 1_200 }))).toBe('stale_refund');

    expect(await walletBalanceIn(world.db, user.id, 'USD')).toBe(1_500);
    const taken = (await entriesOf(user.id)).filter((e) => e.kind === 'adjustment');
    // In order: 1,000 then the 500 increment; reordered: the 1,500 total at once, the older total stale.
    expect([[-1_000, -500], [-1_500]]).toContainEqual(taken.map((e) => e.amountMinor).sort((a, b) => a - b));
    const rows = await refundRowsOf(chargeId);
    expect(rows.reduce((total, r) => total + r.amountMinor, 0)).toBe(1_500);
    expect(rows.every((r) => r.status === 'recorded' && r.orderId === null && r.userId === user.id)).toBe(true);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });

  it('never takes the balance below zero: what was already spent is flagged for finance and audited, once', async () => {
    const user = await shopper();
    const { topup, intentId, chargeId } = await creditedTopup(user.id, 'GBP', 2_000);
    await world.db.transaction((tx) => debitWallet(tx, 'spend', { userId: user.id, currency: 'GBP', amountMinor: 1_500, source: `test-spend:${user.id}`, actor: staff }));

    await stripe.refunds.create({ payment_intent: intentId });
    await until(() => refundRowsOf(chargeId), (rows) => rows.length === 1, 'the refund recorded');
    await until(async () => refundedEvents(chargeId).length, (n) => n >= 1, 'the charge.refunded delivery');
    expect((await replay3x(chargeId)).every((o) => o === 'redelivery' || o === 'duplicate_refund')).toBe(true);

    expect(await walletBalanceIn(world.db, user.id, 'GBP')).toBe(0);
    expect((await entriesOf(user.id)).map((e) => [e.kind, e.amountMinor])).toEqual([
      ['topup', 2_000],
      ['spend', -1_500],
      ['adjustment', -500],
    ]);
    const [row] = await refundRowsOf(chargeId);
    expect(row).toMatchObject({ amountMinor: 2_000, currency: 'GBP', status: 'flagged', userId: user.id, orderId: null });
    expect(row!.flagReason).toContain('held 500 of the 2000 GBP refunded; 1500 was already spent');
    const flagged = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'payment.flagged'), eq(auditLog.subjectType, 'wallet_topup'), eq(auditLog.subjectId, String(topup.id))));
    expect(flagged.map((a) => a.details)).toEqual([expect.objectContaining({ takenMinor: 500, shortfallMinor: 1_500, currency: 'GBP' })]);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });

  it('takes nothing back for a payment that credited nothing, flags a refund that comes before the payment, and one from another gateway', async () => {
    const user = await shopper();
    // A top-up paid with another amount: flagged, nothing credited; finance refunds that payment.
    const { reference } = await startWalletTopup(world.db, env, { userId: user.id, currency: 'EUR', amountMinor: 1_000, returnUrl: 'http://shop.test/en/account/wallet' }, deps());
    const [wrong] = await world.db.select().from(walletTopups).where(eq(walletTopups.reference, reference));
    const metadata = { wallet_topup_id: String(wrong!.id), wallet_topup_ref: reference };
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: wrong!.gatewayPaymentId, object: 'payment_intent', amount: 900, currency: 'eur', metadata }))).toBe('flagged');
    const charge = { id: `ch_${randomUUID()}`, object: 'charge', amount: 900, amount_refunded: 900, currency: 'eur', payment_intent: wrong!.gatewayPaymentId, metadata };
    for (let k = 0; k < 3; k++) expect(await deliverWebhook(world, signedEvent('charge.refunded', charge))).toBe(k === 0 ? 'refund_of_uncredited_payment' : 'duplicate_refund');
    expect(await entriesOf(user.id)).toEqual([]);
    expect((await refundRowsOf(charge.id)).map((r) => [r.amountMinor, r.status])).toEqual([[900, 'recorded']]);

    // Refunded before its payment was recorded: the top-up is flagged, so the late payment credits nothing.
    const early = await startWalletTopup(world.db, env, { userId: user.id, currency: 'EUR', amountMinor: 700, returnUrl: 'http://shop.test/en/account/wallet' }, deps());
    const [open] = await world.db.select().from(walletTopups).where(eq(walletTopups.reference, early.reference));
    const earlyMetadata = { wallet_topup_id: String(open!.id), wallet_topup_ref: early.reference };
    expect(await deliverWebhook(world, signedEvent('charge.refunded', { id: `ch_${randomUUID()}`, object: 'charge', amount: 700, amount_refunded: 700, currency: 'eur', payment_intent: open!.gatewayPaymentId, metadata: earlyMetadata }))).toBe('flagged');
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', { id: open!.gatewayPaymentId, object: 'payment_intent', amount: 700, currency: 'eur', metadata: earlyMetadata }))).toBe('flagged');
    expect(await entriesOf(user.id)).toEqual([]);

    // Another gateway's event for a sandbox top-up: flagged, the wallet untouched.
    const { topup, chargeId } = await creditedTopup(user.id, 'EUR', 1_200);
    const body = JSON.stringify({ id: `evt_${randomUUID()}`, object: 'event', type: 'charge.refunded', created: Math.floor(Date.now() / 1000), data: { object: { id: chargeId, object: 'charge', amount: 1_200, amount_refunded: 1_200, currency: 'eur', payment_intent: topup.gatewayPaymentId, metadata: { wallet_topup_id: String(topup.id), wallet_topup_ref: topup.reference } } } });
    const stored = await storeWebhook(world.db, { source: 'stripe', eventId: `evt_${randomUUID()}`, type: 'charge.refunded', payload: body, consumer: 'payments' });
    expect(await processWebhookEvent(world.db, world.redis, stored.id)).toBe('flagged');
    expect(await walletBalanceIn(world.db, user.id, 'EUR')).toBe(1_200);
    expect(await verifyWalletBalances(world.db, user.id)).toEqual([]);
  });
});
