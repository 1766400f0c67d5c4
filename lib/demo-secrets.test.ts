import { describe, expect, it } from 'vitest';
import { demoSecretRefusal, demoSecretsInUse, demoSecretValues, isSandboxGatewayEnabled } from './demo-secrets';

const ownSecrets = {
  NEXTAUTH_SECRET: 'a-long-random-auth-secret-of-our-own',
  FERRY_SECRET_KEY: 'k'.repeat(64),
  UPSTASH_REDIS_REST_TOKEN: 'redis-token-of-our-own',
  ALIBABA_1688_APP_SECRET: 'app-secret-of-our-own',
  ALIBABA_1688_REFRESH_TOKEN: 'refresh-token-of-our-own',
  TRACKING_17TRACK_KEY: '17track-key-of-our-own',
};

describe('demo secrets at a production start', () => {
  it('refuses a production start with the defaults, naming every secret in use on one line', () => {
    const line = demoSecretRefusal({ NODE_ENV: 'production' });
    expect(line).not.toBeNull();
    expect(line).not.toContain('\n');
    for (const name of Object.keys(demoSecretValues)) expect(line).toContain(name);
  });

  it('refuses a secret set explicitly to its published value, and an empty one (unset)', () => {
    const line = demoSecretRefusal({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'stripe', ...ownSecrets, NEXTAUTH_SECRET: demoSecretValues.NEXTAUTH_SECRET, FERRY_SECRET_KEY: '' });
    expect(line).toMatch(/NEXTAUTH_SECRET, FERRY_SECRET_KEY \(/);
    expect(line).not.toContain('UPSTASH');
  });

  it('starts a production build whose secrets are its own, and ignores the sandbox gateway when the shop runs Stripe', () => {
    expect(demoSecretRefusal({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'stripe', ...ownSecrets })).toBeNull();
    // The sandbox, once switched on by its webhook secret, must not run on published keys.
    expect(demoSecretsInUse({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'stripe', ...ownSecrets, SANDBOX_WEBHOOK_SECRET: 'whsec_own' })).toEqual(['SANDBOX_SECRET_KEY']);
  });

  it('refuses the published 17TRACK key: anyone holding it could sign tracking webhooks', () => {
    expect(demoSecretsInUse({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'stripe', ...ownSecrets, TRACKING_17TRACK_KEY: demoSecretValues.TRACKING_17TRACK_KEY })).toEqual(['TRACKING_17TRACK_KEY']);
    expect(demoSecretRefusal({ NODE_ENV: 'production', PAYMENT_GATEWAY: 'stripe', ...ownSecrets, TRACKING_17TRACK_KEY: undefined })).toMatch(/: TRACKING_17TRACK_KEY \(/);
  });

  it('lets the declared demo and development runs use the published values', () => {
    expect(demoSecretRefusal({ NODE_ENV: 'production', FERRY_DEMO: '1' })).toBeNull();
    expect(demoSecretRefusal({ NODE_ENV: 'development' })).toBeNull();
    expect(demoSecretRefusal({})).toBeNull();
    // Anything but exactly 1 is not a declaration.
    expect(demoSecretRefusal({ NODE_ENV: 'production', FERRY_DEMO: 'true' })).not.toBeNull();
  });

  it('enables the sandbox gateway only as the shop gateway or by an explicit webhook secret', () => {
    expect(isSandboxGatewayEnabled({})).toBe(true);
    expect(isSandboxGatewayEnabled({ PAYMENT_GATEWAY: 'stripe' })).toBe(false);
    expect(isSandboxGatewayEnabled({ PAYMENT_GATEWAY: 'stripe', SANDBOX_WEBHOOK_SECRET: '' })).toBe(false);
    expect(isSandboxGatewayEnabled({ PAYMENT_GATEWAY: 'stripe', SANDBOX_WEBHOOK_SECRET: 'whsec_x' })).toBe(true);
  });
});
