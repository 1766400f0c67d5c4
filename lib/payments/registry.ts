import 'server-only';
import type { GatewayName } from '@/lib/checkout/types';
import type { Env } from '@/lib/env';
import type { PaymentGateway } from './gateway';
import { sandboxGateway, stripeGateway } from './stripe-api';

/** The card gateway for an order's gateway name; cash on delivery has none. */
export function cardGateway(env: Env, name: GatewayName): PaymentGateway | null {
  if (name === 'sandbox') return sandboxGateway(env);
  if (name === 'stripe') return stripeGateway(env);
  return null;
}

/** The signing secret of a webhook source, or null if that source is not configured. */
export function webhookSecret(env: Env, source: string): string | null {
  if (source === 'sandbox') return env.SANDBOX_WEBHOOK_SECRET;
  if (source === 'stripe') return env.STRIPE_WEBHOOK_SECRET ?? null;
  return null;
}
