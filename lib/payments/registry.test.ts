import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { demoSecretValues } from '@/lib/demo-secrets';
import { cardGateway, webhookSecret } from './registry';

describe('which payment gateways accept webhooks', () => {
  it('the sandbox, as the shop gateway, verifies with its demo secret by default', () => {
    expect(webhookSecret(parseEnv({}), 'sandbox')).toBe(demoSecretValues.SANDBOX_WEBHOOK_SECRET);
    expect(webhookSecret(parseEnv({}), 'stripe')).toBeNull();
  });

  it('a shop that runs Stripe never accepts the published sandbox secret: the sandbox is not configured', () => {
    const env = parseEnv({ PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_live' });
    expect(webhookSecret(env, 'sandbox')).toBeNull();
    expect(cardGateway(env, 'sandbox')).toBeNull();
    expect(webhookSecret(env, 'stripe')).toBe('whsec_live');
  });

  it('a shop that accepts both has both secrets, each its own', () => {
    const env = parseEnv({ PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_live', SANDBOX_WEBHOOK_SECRET: 'whsec_own_sandbox' });
    expect(webhookSecret(env, 'sandbox')).toBe('whsec_own_sandbox');
    expect(webhookSecret(env, 'stripe')).toBe('whsec_live');
    expect(webhookSecret(env, 'cod')).toBeNull();
  });
});
