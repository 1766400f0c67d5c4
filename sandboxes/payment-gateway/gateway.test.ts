import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPaymentGateway, type PaymentGateway } from './gateway';
import { API_VERSION } from './stripe-objects';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from './test-receiver';

const secretKey = 'sk_test_gateway_suite';
const webhookSecret = 'whsec_gateway_suite';
const returnUrl = 'http://shop.test/en/checkout/return?order=FR-2024-0001';

let receiver: TestReceiver;
let gateway: PaymentGateway;
let stripe: Stripe;

beforeEach(async () => {
  receiver = await startTestReceiver();
  gateway = await startPaymentGateway({ port: 0, secretKey, webhookUrl: receiver.url, webhookSecret, slowApprovalMs: 100, retry: { attempts: 5, baseMs: 20 } });
  stripe = sdkFor(secretKey);
});

afterEach(async () => {
  await gateway.close();
  await receiver.close();
});

function sdkFor(key: string): Stripe {
  return new Stripe(key, { host: '127.0.0.1', port: Number(new URL(gateway.url).port), protocol: 'http' });
}

const createIntent = (extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  stripe.paymentIntents.create({ amount: 1999, currency: 'USD', description: 'Ferry order', metadata: { order_number: 'FR-2024-0001' }, return_url: returnUrl, ...extra });

const choose = (id: string, outcome: string) =>
  fetch(`${gateway.url}/pay/${id}`, { method: 'POST', body: new URLSearchParams({ outcome }), redirect: 'manual' });

const eventsOfType = (type: string) => receiver.received.filter((r) => r.event.type === type);

function verified(request: ReceivedWebhook): Stripe.Event {
  return stripe.webhooks.constructEvent(request.body, request.signature, webhookSecret);
}

describe('payment gateway through the official stripe SDK', () => {
  it('creates a Stripe-shaped PaymentIntent that redirects to the hosted pay page', async () => {
    const intent = await createIntent();
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 1999,
      currency: 'usd',
      status: 'requires_action',
      livemode: false,
      metadata: { order_number: 'FR-2024-0001' },
      next_action: { type: 'redirect_to_url', redirect_to_url: { url: `${gateway.url}/pay/${intent.id}`, return_url: returnUrl } },
    });
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(Math.abs(intent.created - Date.now() / 1000)).toBeLessThan(5);
    expect((await stripe.paymentIntents.retrieve(intent.id)).id).toBe(intent.id);
  });

  it('pays successfully: 303 back to the shop, then a signed, duplicated payment_intent.succeeded', async () => {
    const intent = await createIntent({ amount: 125_000, currency: 'jpy' });
    const page = await fetch(`${gateway.url}/pay/${intent.id}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<main>[\s\S]*<h1>Ferry test payment<\/h1>[\s\S]*<\/main>/);
    expect(html).toContain('¥125,000');
    expect(html).toContain('FR-2024-0001');
    for (const [value, label] of [['success', 'Pay successfully'], ['decline', 'Decline'], ['slow', 'Approve slowly']]) {
      expect(html).toContain(`<button type="submit" name="outcome" value="${value}">${label}</button>`);
    }

    const response = await choose(intent.id, 'success');
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('http://shop.test/en/checkout/return');
    expect(Object.fromEntries(location.searchParams)).toEqual({ order: 'FR-2024-0001', payment_intent: intent.id, payment: 'succeeded' });

    await receiver.waitFor(() => eventsOfType('payment_intent.succeeded').length >= 2);
    const deliveries = eventsOfType('payment_intent.succeeded');
    expect(new Set(deliveries.map((d) => d.event.id)).size).toBe(1);
    for (const delivery of deliveries) {
      expect(delivery.contentType).toMatch(/^application\/json/);
      const event = verified(delivery);
      expect(event).toMatchObject({ object: 'event', type: 'payment_intent.succeeded', livemode: false, api_version: API_VERSION, pending_webhooks: 1, request: { id: null } });
      expect(event.id).toMatch(/^evt_/);
      expect(event.data.object).toMatchObject({ id: intent.id, amount: 125_000, amount_received: 125_000, currency: 'jpy', status: 'succeeded', metadata: { order_number: 'FR-2024-0001' } });
    }
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('refuses to take a paid intent twice', async () => {
    const intent = await createIntent();
    expect((await choose(intent.id, 'success')).status).toBe(303);
    await receiver.waitFor(() => eventsOfType('payment_intent.succeeded').length >= 1);

    const again = await choose(intent.id, 'decline');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already paid');
    expect(await (await fetch(`${gateway.url}/pay/${intent.id}`)).text()).not.toContain('<form');
    const scripted = await fetch(`${gateway.url}/__sandbox/intents/${intent.id}/fail`, { method: 'POST' });
    expect(scripted.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(eventsOfType('payment_intent.payment_failed')).toHaveLength(0);
    expect(new Set(eventsOfType('payment_intent.succeeded').map((r) => r.event.id)).size).toBe(1);
  });

  it('declines with card_declined and lets the shopper try again', async () => {
    const intent = await createIntent();
    const response = await choose(intent.id, 'decline');
    expect(new URL(response.headers.get('location')!).searchParams.get('payment')).toBe('failed');
    const [failed] = await receiver.waitFor(() => eventsOfType('payment_intent.payment_failed').length >= 1).then(() => eventsOfType('payment_intent.payment_failed'));
    const event = verified(failed!);
    const object = event.data.object as Stripe.PaymentIntent;
    expect(object.status).toBe('requires_payment_method');
    expect(object.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined' });
    expect(object.metadata.order_number).toBe('FR-2024-0001');
    // The shop sends the payer back to the same page to try again.
    expect((await stripe.paymentIntents.retrieve(intent.id)).next_action?.redirect_to_url?.url).toBe(`${gateway.url}/pay/${intent.id}`);

    expect(await (await fetch(`${gateway.url}/pay/${intent.id}`)).text()).toMatch(/declined[\s\S]*<form/);
    const retried = await fetch(`${gateway.url}/__sandbox/intents/${intent.id}/succeed`, { method: 'POST' });
    expect(((await retried.json()) as Stripe.PaymentIntent).status).toBe('succeeded');
    const succeeded = await stripe.paymentIntents.retrieve(intent.id);
    expect(succeeded.last_payment_error).toBeNull();
  });

  it('approves slowly: processing now, succeeded after slowApprovalMs', async () => {
    const intent = await createIntent();
    const response = await choose(intent.id, 'slow');
    expect(new URL(response.headers.get('location')!).searchParams.get('payment')).toBe('processing');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('processing');
    await receiver.waitFor(() => eventsOfType('payment_intent.processing').length > 0 && eventsOfType('payment_intent.succeeded').length > 0);
    const processing = verified(eventsOfType('payment_intent.processing')[0]!);
    const succeeded = verified(eventsOfType('payment_intent.succeeded')[0]!);
    expect(succeeded.created).toBeGreaterThanOrEqual(processing.created);
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('refunds part of a payment and emits charge.refunded with the intent’s metadata', async () => {
    const intent = await createIntent();
    await fetch(`${gateway.url}/__sandbox/intents/${intent.id}/succeed`, { method: 'POST' });
    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 500, reason: 'requested_by_customer' });
    expect(refund).toMatchObject({ object: 'refund', amount: 500, currency: 'usd', payment_intent: intent.id, status: 'succeeded' });
    expect(refund.id).toMatch(/^re_/);

    await receiver.waitFor(() => eventsOfType('charge.refunded').length >= 1);
    const charge = verified(eventsOfType('charge.refunded')[0]!).data.object as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', payment_intent: intent.id, amount: 1999, amount_refunded: 500, refunded: false, currency: 'usd', metadata: { order_number: 'FR-2024-0001' } });

    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 1500 })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'amount_too_large' });
    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(1499);
  });

  it('will not refund an unpaid intent', async () => {
    const intent = await createIntent();
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'charge_not_refundable' });
  });

  it('cancels an open intent, after which it cannot be paid', async () => {
    const intent = await createIntent();
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', next_action: null });
    expect((await choose(intent.id, 'success')).status).toBe(409);
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('rejects a wrong secret key with an authentication error', async () => {
    const error = await sdkFor('sk_test_wrong').paymentIntents.create({ amount: 100, currency: 'usd' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(401);
    const bare = await fetch(`${gateway.url}/v1/payment_intents/pi_x`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringMatching(/API key/) } });
  });

  it('replays the same intent for a repeated Idempotency-Key and refuses the key with other parameters', async () => {
    const first = await stripe.paymentIntents.create({ amount: 700, currency: 'eur' }, { idempotencyKey: 'checkout-FR-7' });
    const second = await stripe.paymentIntents.create({ amount: 700, currency: 'eur' }, { idempotencyKey: 'checkout-FR-7' });
    expect(second.id).toBe(first.id);
    await expect(stripe.paymentIntents.create({ amount: 701, currency: 'eur' }, { idempotencyKey: 'checkout-FR-7' })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    const other = await stripe.paymentIntents.create({ amount: 700, currency: 'eur' }, { idempotencyKey: 'checkout-FR-8' });
    expect(other.id).not.toBe(first.id);
  });

  it('validates amount, currency, return_url and unknown parameters like Stripe', async () => {
    const rejects = (params: Stripe.PaymentIntentCreateParams, param: string) =>
      expect(stripe.paymentIntents.create(params)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param });
    await rejects({ amount: 0, currency: 'usd' }, 'amount');
    await rejects({ amount: 12.5, currency: 'usd' }, 'amount');
    await rejects({ amount: -5, currency: 'usd' }, 'amount');
    await rejects({ amount: 100, currency: 'us' }, 'currency');
    await rejects({ amount: 100, currency: 'usd', return_url: 'javascript:alert(1)' }, 'return_url');
    await rejects({ amount: 100, currency: 'usd', ...({ amout: 5 } as object) } as Stripe.PaymentIntentCreateParams, 'amout');
    await expect(stripe.paymentIntents.retrieve('pi_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('takes the return URL from metadata[return_url] too', async () => {
    const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd', metadata: { order_number: 'FR-9', return_url: 'http://shop.test/r' } });
    expect(intent.next_action?.redirect_to_url?.return_url).toBe('http://shop.test/r');
    expect((await choose(intent.id, 'success')).headers.get('location')).toBe(`http://shop.test/r?payment_intent=${intent.id}&payment=succeeded`);
  });

  it('retries a webhook the shop answered 500 twice until it is accepted', async () => {
    const flaky = await startTestReceiver((_request, index) => (index < 2 ? 500 : 200));
    const strict = await startPaymentGateway({ port: 0, secretKey, webhookUrl: flaky.url, webhookSecret, duplicates: false, retry: { attempts: 5, baseMs: 20 } });
    try {
      const intent = await new Stripe(secretKey, { host: '127.0.0.1', port: Number(new URL(strict.url).port), protocol: 'http' }).paymentIntents.create({ amount: 100, currency: 'usd' });
      await fetch(`${strict.url}/__sandbox/intents/${intent.id}/succeed`, { method: 'POST' });
      await flaky.waitFor((received) => received.length >= 3);
      expect(flaky.received.map((r) => r.event.type)).toEqual(['payment_intent.succeeded', 'payment_intent.succeeded', 'payment_intent.succeeded']);
      expect(new Set(flaky.received.map((r) => r.event.id)).size).toBe(1);
      for (const request of flaky.received) expect(() => verified(request)).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(strict.deliveries().map((d) => [d.attempt, d.status])).toEqual([[1, 500], [2, 500], [3, 200]]);
    } finally {
      await strict.close();
      await flaky.close();
    }
  });

  it('answers /healthz and 404s unknown pay pages', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/pay/pi_missing`)).status).toBe(404);
  });

  it('pins the API version the installed SDK expects', () => {
    expect(API_VERSION).toBe(Stripe.API_VERSION);
  });
});

describe('balance transactions, as Stripe lists them', () => {
  const pay = async (amount: number, currency = 'usd') => {
    const intent = await createIntent({ amount, currency });
    await choose(intent.id, 'success');
    return stripe.paymentIntents.retrieve(intent.id);
  };

  it('lists each charge and refund newest first, with fees, sources and has_more pages', async () => {
    const first = await pay(10_000);
    const second = await pay(5_000, 'jpy');
    const refund = await stripe.refunds.create({ payment_intent: first.id, amount: 2_500 });
    const page = await stripe.balanceTransactions.list({ limit: 2 });
    expect(page.has_more).toBe(true);
    expect(page.data.map((t) => t.type)).toEqual(['refund', 'charge']);
    expect(page.data[0]).toMatchObject({ object: 'balance_transaction', amount: -2_500, fee: 0, net: -2_500, currency: 'usd', reporting_category: 'refund', source: refund.id });
    expect(page.data[1]).toMatchObject({ amount: 5_000, fee: 145, net: 4_855, currency: 'jpy', reporting_category: 'charge', source: second.latest_charge });
    const rest = await stripe.balanceTransactions.list({ limit: 2, starting_after: page.data[1]!.id });
    expect(rest.has_more).toBe(false);
    expect(rest.data).toHaveLength(1);
    expect(rest.data[0]).toMatchObject({ amount: 10_000, fee: 320, net: 9_680, source: first.latest_charge, fee_details: [{ amount: 320, type: 'stripe_fee', currency: 'usd' }] });
    expect(rest.data[0]!.id).toMatch(/^txn_/);
    expect(rest.data[0]!.available_on % 86_400).toBe(0);
  });

  it('expands data.source to the charge (naming its PaymentIntent) or the refund, and filters by created', async () => {
    const paid = await pay(1_999);
    await stripe.refunds.create({ payment_intent: paid.id, amount: 999 });
    const now = Math.floor(Date.now() / 1000);
    const all: Stripe.BalanceTransaction[] = [];
    for await (const txn of stripe.balanceTransactions.list({ created: { gte: now - 60, lt: now + 60 }, limit: 1, expand: ['data.source'] })) all.push(txn);
    expect(all).toHaveLength(2);
    const [refund, charge] = all as [Stripe.BalanceTransaction, Stripe.BalanceTransaction];
    expect(charge.source).toMatchObject({ object: 'charge', id: paid.latest_charge, payment_intent: paid.id });
    expect(refund.source).toMatchObject({ object: 'refund', charge: paid.latest_charge, payment_intent: paid.id, amount: 999 });
    expect((await stripe.balanceTransactions.list({ created: { gte: now + 60 } })).data).toEqual([]);
  });

  it('plants a gateway-only movement and alters an amount under /__sandbox/', async () => {
    const paid = await pay(4_000);
    const planted = await fetch(`${gateway.url}/__sandbox/balance_transactions`, {
      method: 'POST',
      body: JSON.stringify({ transactions: [{ amount: 700, currency: 'EUR', payment_intent: 'pi_elsewhere' }, { reporting_category: 'dispute', amount: -300, currency: 'usd' }] }),
    }).then((r) => r.json() as Promise<{ data: Stripe.BalanceTransaction[] }>);
    expect(planted.data.map((t) => t.reporting_category)).toEqual(['charge', 'dispute']);
    const [own] = (await stripe.balanceTransactions.list({ type: 'charge', limit: 100 })).data.filter((t) => t.source === paid.latest_charge);
    const altered = await fetch(`${gateway.url}/__sandbox/balance_transactions/${own!.id}`, { method: 'POST', body: JSON.stringify({ amount: 4_100 }) });
    expect(altered.status).toBe(200);
    expect(await stripe.balanceTransactions.retrieve(own!.id)).toMatchObject({ amount: 4_100, net: 4_100 - own!.fee });
    const expanded = await stripe.balanceTransactions.list({ limit: 100, expand: ['data.source'] });
    expect(expanded.data.find((t) => t.id === planted.data[0]!.id)?.source).toMatchObject({ object: 'charge', payment_intent: 'pi_elsewhere' });
    await expect(stripe.balanceTransactions.list({ limit: 101 })).rejects.toMatchObject({ statusCode: 400 });
  });
});
