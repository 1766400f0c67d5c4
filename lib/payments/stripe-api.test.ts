import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { verifyStripeEvent } from './stripe-api';

const secret = 'whsec_unit_test_secret';
const sdk = new Stripe('sk_test_unused');
const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', created: 1, data: { object: { id: 'pi_1' } } });

describe('webhook signatures (headers made by Stripe’s own SDK)', () => {
  it('accepts a header signed over the raw body', () => {
    const header = sdk.webhooks.generateTestHeaderString({ payload: body, secret });
    expect(verifyStripeEvent(body, header, secret).id).toBe('evt_1');
  });

  it('rejects a changed body, a wrong secret and a header older than 300 s', () => {
    const header = sdk.webhooks.generateTestHeaderString({ payload: body, secret });
    expect(() => verifyStripeEvent(body.replace('pi_1', 'pi_2'), header, secret)).toThrow();
    expect(() => verifyStripeEvent(body, header, 'whsec_other')).toThrow();
    const stale = sdk.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(() => verifyStripeEvent(body, stale, secret)).toThrow();
  });

  it('rejects the body re-serialised (whitespace matters: verification is on the raw bytes)', () => {
    const header = sdk.webhooks.generateTestHeaderString({ payload: body, secret });
    expect(() => verifyStripeEvent(JSON.stringify(JSON.parse(body), null, 2), header, secret)).toThrow();
  });
});
