import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { computeSignature, signatureHeader } from './sign';

const stripe = new Stripe('sk_test_x');
const secret = 'whsec_ferry_sandbox_demo';
const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { amount: 1999, note: 'Grüße 🚚' } } });

describe('signatureHeader', () => {
  it('produces a header the official SDK accepts', () => {
    const event = stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret), secret);
    expect(event.id).toBe('evt_1');
    expect(event.type).toBe('payment_intent.succeeded');
  });

  it('matches the SDK’s own test header byte for byte, non-ASCII body included', () => {
    const timestamp = 1_700_000_000;
    expect(signatureHeader(payload, secret, timestamp)).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  });

  it('is rejected by the SDK when the body was tampered with', () => {
    const header = signatureHeader(payload, secret);
    expect(() => stripe.webhooks.constructEvent(payload.replace('1999', '1'), header, secret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('is rejected by the SDK under a different secret', () => {
    const header = signatureHeader(payload, 'whsec_someone_else');
    expect(() => stripe.webhooks.constructEvent(payload, header, secret)).toThrow(/No signatures found matching/);
  });

  it('is rejected by the SDK once older than the 300 s tolerance, and accepted just inside it', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(() => stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret, now - 301), secret)).toThrow(/tolerance/);
    expect(() => Stripe.webhooks.constructEvent(payload, signatureHeader(payload, secret, now - 250), secret)).not.toThrow();
  });

  it('signs `t.body` with HMAC-SHA256, hex encoded', () => {
    // Known answer computed independently: printf '1.{}' | openssl dgst -sha256 -hmac key
    expect(computeSignature('{}', 'key', 1)).toBe('1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224');
  });
});
