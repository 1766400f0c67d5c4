import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { parseEnv, type Env } from '@/lib/env';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { orderPaymentProgress, returnOutcome, startOrderPayment, type PayLinkOrder } from './pay-order';
import { sandboxGateway } from './stripe-api';

// The pay link against the sandbox gateway (the Stripe SDK over HTTP, in-process): what a payer who
// already paid, or whose payment is still being approved, meets when they press "Pay now" again.
let gateway: PaymentGateway;
let env: Env;
const returnUrl = 'http://shop.test/pay/FR-1/tok/return';
// Only a first payment writes to the database; these orders have theirs already.
const noDatabase = {} as Database;

beforeEach(async () => {
  const secretKey = parseEnv({}).SANDBOX_SECRET_KEY;
  gateway = await startPaymentGateway({ port: 0, secretKey, webhookUrl: 'http://127.0.0.1:9/unused', webhookSecret: 'whsec_unused', slowApprovalMs: 60_000, retry: { attempts: 1, baseMs: 0 } });
  env = parseEnv({ SANDBOX_GATEWAY_URL: gateway.url });
});

afterEach(async () => {
  await gateway.close();
});

async function startedOrder(): Promise<PayLinkOrder> {
  const order = { number: `FR-${Date.now()}`, chargeMinor: 1999, chargeCurrency: 'EUR', gatewayPaymentId: null, status: 'pending', gateway: 'sandbox', payToken: 'tok' };
  const started = await sandboxGateway(env).startPayment(order, returnUrl);
  return { ...order, gatewayPaymentId: started.paymentId } as unknown as PayLinkOrder;
}

const choose = (paymentId: string, outcome: 'success' | 'decline' | 'slow') =>
  fetch(`${gateway.url}/pay/${paymentId}`, { method: 'POST', body: new URLSearchParams({ outcome }), redirect: 'manual' });

describe('the pay link while a payment is confirming', () => {
  it('an unpaid order goes to the gateway’s page again', async () => {
    const order = await startedOrder();
    expect(await orderPaymentProgress(env, order)).toBe('open');
    expect(await startOrderPayment(noDatabase, env, order, returnUrl)).toBe(`${gateway.url}/pay/${order.gatewayPaymentId}`);
  });

  it('"Approve slowly": back to the order, confirming, instead of a 503', async () => {
    const order = await startedOrder();
    await choose(order.gatewayPaymentId!, 'slow');
    expect(await orderPaymentProgress(env, order)).toBe('processing');
    expect(await startOrderPayment(noDatabase, env, order, returnUrl)).toBe(`${returnUrl}?payment=processing`);
  });

  it('paid at the gateway, webhook not in yet: never a second payment', async () => {
    const order = await startedOrder();
    await choose(order.gatewayPaymentId!, 'success');
    expect(await orderPaymentProgress(env, order)).toBe('succeeded');
    expect(await startOrderPayment(noDatabase, env, order, returnUrl)).toBe(`${returnUrl}?payment=succeeded`);
  });

  it('a declined card can be paid again', async () => {
    const order = await startedOrder();
    await choose(order.gatewayPaymentId!, 'decline');
    expect(await orderPaymentProgress(env, order)).toBe('open');
    expect(await startOrderPayment(noDatabase, env, order, returnUrl)).toBe(`${gateway.url}/pay/${order.gatewayPaymentId}`);
  });
});

describe('returnOutcome: what the order page is told after the gateway', () => {
  it('believes the gateway over the return URL', () => {
    expect(returnOutcome('open', 'succeeded')).toBeNull();
    expect(returnOutcome('processing', 'succeeded')).toBe('processing');
    expect(returnOutcome('succeeded', '')).toBe('succeeded');
    expect(returnOutcome('open', 'failed')).toBe('failed');
  });

  it('takes the return URL’s word only when the gateway cannot be asked, and only a known word', () => {
    expect(returnOutcome(null, 'succeeded')).toBe('succeeded');
    expect(returnOutcome(null, '<script>')).toBeNull();
  });
});
