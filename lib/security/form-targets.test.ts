import { describe, expect, it } from 'vitest';
import { paymentFormTargets, stripeCheckoutOrigin } from './form-targets';

describe('paymentFormTargets', () => {
  it("is Stripe's hosted Checkout with the Stripe gateway", () => {
    expect(paymentFormTargets({ PAYMENT_GATEWAY: 'stripe', SANDBOX_GATEWAY_URL: 'http://127.0.0.1:8081' })).toEqual([stripeCheckoutOrigin]);
  });

  it("is the sandbox's origin under both loopback names when it runs locally", () => {
    expect(paymentFormTargets({ PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: 'http://127.0.0.1:8081' })).toEqual(['http://localhost:8081', 'http://127.0.0.1:8081']);
  });

  it("is the sandbox's own origin elsewhere (no path)", () => {
    expect(paymentFormTargets({ PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: 'https://pay.example.test/v1' })).toEqual(['https://pay.example.test']);
  });
});
