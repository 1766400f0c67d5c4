/**
 * Every secret Ferry reads, with the demo value published in the README. The demo and the tests say
 * so explicitly (`FERRY_DEMO=1`); a production start without it refuses to run while any secret in
 * use still has its published value, because anyone can read that value and mint an admin session
 * (NEXTAUTH_SECRET), decrypt partner secrets (FERRY_SECRET_KEY), forge 1688 pushes, payments or
 * carrier tracking updates (TRACKING_17TRACK_KEY signs 17TRACK's webhooks).
 */
export const demoSecretValues = {
  NEXTAUTH_SECRET: 'ferry-demo-auth-secret-change-me',
  FERRY_SECRET_KEY: 'ferry-demo-secret-key-change-me-0000000000',
  UPSTASH_REDIS_REST_TOKEN: 'ferry-demo-redis-token',
  ALIBABA_1688_APP_SECRET: 'ferry-demo-1688-secret',
  ALIBABA_1688_REFRESH_TOKEN: 'ferry-demo-1688-refresh-token',
  SANDBOX_SECRET_KEY: 'sk_test_ferry_sandbox',
  SANDBOX_WEBHOOK_SECRET: 'whsec_ferry_sandbox_demo',
  TRACKING_17TRACK_KEY: 'ferry-demo-17track-key',
} as const;

export type SecretName = keyof typeof demoSecretValues;

type Source = Record<string, string | undefined>;

const value = (source: Source, name: string): string | undefined => (source[name] === '' ? undefined : source[name]);

/** True when the sandbox payment gateway is switched on: it is the shop's gateway, or its webhook secret was set. */
export function isSandboxGatewayEnabled(source: Source): boolean {
  return (value(source, 'PAYMENT_GATEWAY') ?? 'sandbox') === 'sandbox' || value(source, 'SANDBOX_WEBHOOK_SECRET') !== undefined;
}

/**
 * The secrets that are in use and still hold their published demo value (unset counts: the demo
 * value is the default). The sandbox gateway's secrets count only while that gateway is enabled.
 */
export function demoSecretsInUse(source: Source): SecretName[] {
  const isSandbox = isSandboxGatewayEnabled(source);
  return (Object.keys(demoSecretValues) as SecretName[]).filter((name) => {
    if ((name === 'SANDBOX_SECRET_KEY' || name === 'SANDBOX_WEBHOOK_SECRET') && !isSandbox) return false;
    return (value(source, name) ?? demoSecretValues[name]) === demoSecretValues[name];
  });
}

export const isDemo = (source: Source): boolean => value(source, 'FERRY_DEMO') === '1';

/**
 * The one line a production start prints before it exits, or null when it may start: only a
 * production process (`NODE_ENV=production`, as `next start` sets) that is not a declared demo is
 * refused, and it names every variable at once so one restart fixes them all.
 */
export function demoSecretRefusal(source: Source): string | null {
  if (value(source, 'NODE_ENV') !== 'production' || isDemo(source)) return null;
  const names = demoSecretsInUse(source);
  if (names.length === 0) return null;
  return `Ferry refuses to start in production with published demo secrets: ${names.join(', ')} (set each to a value of your own, or FERRY_DEMO=1 for a demo)`;
}
