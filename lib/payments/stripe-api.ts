import 'server-only';
import Stripe from 'stripe';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { PaymentGateway } from './gateway';

/**
 * Both card gateways are the Stripe API through the official SDK: the sandbox is a local server
 * that speaks it (sandboxes/payment-gateway), so the same code runs offline and against Stripe,
 * with only the host and keys differing.
 */
function stripeClient(secretKey: string, baseUrl?: string): Stripe {
  if (!baseUrl) return new Stripe(secretKey, { maxNetworkRetries: 2, telemetry: false, timeout: 10_000 });
  const url = new URL(baseUrl);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
    telemetry: false,
    timeout: 10_000,
  });
}

function gatewayFor(name: 'sandbox' | 'stripe', stripe: Stripe, cardPageUrl: (number: string) => string): PaymentGateway {
  return {
    name,
    async startPayment(order, returnUrl) {
      try {
        const intent = order.gatewayPaymentId
          ? await stripe.paymentIntents.retrieve(order.gatewayPaymentId)
          : await stripe.paymentIntents.create(
              {
                amount: order.chargeMinor,
                currency: order.chargeCurrency.toLowerCase(),
                description: `Ferry order ${order.number}`,
                metadata: { order_number: order.number, return_url: returnUrl },
                ...(name === 'stripe' ? { automatic_payment_methods: { enabled: true } } : {}),
              },
              { idempotencyKey: `ferry-pay-${order.number}` },
            );
        const hosted = intent.next_action?.redirect_to_url?.url;
        return { paymentId: intent.id, redirectUrl: hosted ?? cardPageUrl(order.number) };
      } catch (error) {
        console.error(`[payments] ${name} could not start payment for ${order.number}:`, (error as Error).message);
        throw new AppError('payment_unavailable', 'The payment service is not reachable right now. Please try again in a minute.');
      }
    },
    async refund(paymentId, amountMinor) {
      const refund = await stripe.refunds.create({ payment_intent: paymentId, amount: amountMinor }, { idempotencyKey: `ferry-refund-${paymentId}-${amountMinor}` });
      return { refundId: refund.id };
    },
  };
}

export function sandboxGateway(env: Env): PaymentGateway {
  return gatewayFor('sandbox', stripeClient(env.SANDBOX_SECRET_KEY, env.SANDBOX_GATEWAY_URL), () => env.SANDBOX_GATEWAY_URL);
}

export function stripeGateway(env: Env): PaymentGateway | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  return gatewayFor('stripe', stripeClient(env.STRIPE_SECRET_KEY), (number) => `${env.SITE_URL}/pay/${number}/card`);
}

/** Webhook verification with the SDK (raw body, `t.body` HMAC, 300 s tolerance); throws on a bad signature. */
export function verifyStripeEvent(rawBody: string, header: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, header, secret, 300);
}
