import type { Env } from '@/lib/env';

/** Stripe's hosted Checkout page (PAYMENT_GATEWAY=stripe). */
export const stripeCheckoutOrigin = 'https://checkout.stripe.com';

const loopbackHosts = ['localhost', '127.0.0.1'];

/**
 * Origins besides our own that a form on our pages may end up at: checkout and "pay the
 * difference" post to a server action that answers with a redirect to the gateway's hosted pay
 * page, and without JavaScript that redirect is part of the form submission, which Chromium checks
 * against `form-action`. The sandbox is a local development tool whose page the browser may open on
 * either loopback name (the scripts start it on localhost while Ferry calls 127.0.0.1), so a
 * loopback sandbox URL allows both.
 */
export function paymentFormTargets(env: Pick<Env, 'PAYMENT_GATEWAY' | 'SANDBOX_GATEWAY_URL'>): string[] {
  if (env.PAYMENT_GATEWAY === 'stripe') return [stripeCheckoutOrigin];
  const gateway = new URL(env.SANDBOX_GATEWAY_URL);
  if (!loopbackHosts.includes(gateway.hostname)) return [gateway.origin];
  return loopbackHosts.map((host) => {
    const url = new URL(gateway.origin);
    url.hostname = host;
    return url.origin;
  });
}
