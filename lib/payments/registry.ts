import 'server-only';
import { gatewayNames, type GatewayName } from '@/lib/orders/types';
import { getEnv, type Env } from '@/lib/env';
import { demoSecretValues } from '@/lib/demo-secrets';
import type { PaymentGateway } from './gateway';
import { sandboxGateway, stripeGateway } from './stripe-api';

/**
 * The sandbox gateway's webhook secret, or null while the sandbox is not enabled: it is enabled as
 * the shop's gateway (the published demo secret is then its default) or by an explicit secret.
 */
function sandboxWebhookSecret(env: Env): string | null {
  if (env.SANDBOX_WEBHOOK_SECRET) return env.SANDBOX_WEBHOOK_SECRET;
  return env.PAYMENT_GATEWAY === 'sandbox' ? demoSecretValues.SANDBOX_WEBHOOK_SECRET : null;
}

/** The card gateway for an order's gateway name; cash on delivery, and a gateway not configured, have none. */
export function cardGateway(env: Env, name: GatewayName): PaymentGateway | null {
  if (name === 'sandbox') return sandboxWebhookSecret(env) ? sandboxGateway(env) : null;
  if (name === 'stripe') return stripeGateway(env);
  return null;
}

/** Lets a caller (a test) hand in its own gateway for a name instead of the configured one. */
export type GatewayDeps = { gatewayFor?: (name: GatewayName) => PaymentGateway | null };

export function isGatewayName(value: string): value is GatewayName {
  return (gatewayNames as readonly string[]).includes(value);
}

/**
 * The gateway an order's or a ledger row's gateway name stands for: the caller's own (`deps`), else
 * the configured card gateway; null for a name Ferry does not know, cash on delivery, or a gateway
 * not configured here.
 */
export function gatewayNamed(name: string, deps: GatewayDeps = {}, env?: Env): PaymentGateway | null {
  if (!isGatewayName(name)) return null;
  return deps.gatewayFor ? deps.gatewayFor(name) : cardGateway(env ?? getEnv(), name);
}

/** The signing secret of a webhook source, or null if that source is not configured (its route answers 404). */
export function webhookSecret(env: Env, source: string): string | null {
  if (source === 'sandbox') return sandboxWebhookSecret(env);
  if (source === 'stripe') return env.STRIPE_WEBHOOK_SECRET ?? null;
  return null;
}
