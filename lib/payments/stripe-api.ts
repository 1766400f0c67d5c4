import 'server-only';
import Stripe from 'stripe';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { PayableOrder, PaymentGateway, PaymentProgress } from './gateway';

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

/**
 * The sandbox: a PaymentIntent whose `next_action.redirect_to_url` is the sandbox's hosted page.
 * The order number travels in the intent's metadata and comes back in every webhook.
 */
function sandboxIntents(stripe: Stripe): PaymentGateway {
  return {
    name: 'sandbox',
    async startPayment(order, returnUrl) {
      return unavailableOnError('sandbox', `start payment for ${order.number}`, async () => {
        const intent = order.gatewayPaymentId
          ? await stripe.paymentIntents.retrieve(order.gatewayPaymentId)
          : await stripe.paymentIntents.create(
              {
                amount: order.chargeMinor,
                currency: order.chargeCurrency.toLowerCase(),
                description: describe(order),
                metadata: { ...paymentMetadata(order), return_url: returnUrl },
              },
              { idempotencyKey: `ferry-pay-${paymentKey(order)}` },
            );
        const url = intent.next_action?.redirect_to_url?.url;
        if (!url) throw new Error(`payment ${intent.id} has no pay page (status ${intent.status})`);
        return { paymentId: intent.id, redirectUrl: url };
      });
    },
    async paymentProgress(paymentId) {
      return intentProgress(await stripe.paymentIntents.retrieve(paymentId));
    },
    refund: (paymentId, amountMinor, options) => refund(stripe, paymentId, amountMinor, options?.idempotencyKey),
    cancelPayment: (paymentId) => cancelIntent(stripe, paymentId, 'sandbox'),
  };
}

/**
 * Stripe: its hosted Checkout page collects the card and creates the PaymentIntent, carrying the
 * order number in the intent's metadata, so the same payment_intent.* webhooks drive the order.
 * Ferry needs no card form of its own (and no script from js.stripe.com on its pages).
 */
function stripeCheckout(stripe: Stripe): PaymentGateway {
  return {
    name: 'stripe',
    async startPayment(order, returnUrl) {
      return unavailableOnError('stripe', `start payment for ${order.number}`, async () => {
        if (order.gatewayPaymentId?.startsWith('cs_')) {
          const existing = await stripe.checkout.sessions.retrieve(order.gatewayPaymentId);
          if (existing.status === 'open' && existing.url) return { paymentId: existing.id, redirectUrl: existing.url };
        }
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: { currency: order.chargeCurrency.toLowerCase(), unit_amount: order.chargeMinor, product_data: { name: describe(order) } },
              },
            ],
            metadata: paymentMetadata(order),
            payment_intent_data: { metadata: paymentMetadata(order), description: describe(order) },
            // A top-up's return URL already carries its reference (`?topup=`).
            success_url: `${returnUrl}${returnUrl.includes('?') ? '&' : '?'}payment=succeeded`,
            cancel_url: returnUrl,
          },
          { idempotencyKey: `ferry-checkout-${paymentKey(order)}-${order.gatewayPaymentId ?? 'first'}` },
        );
        if (!session.url) throw new Error(`checkout session ${session.id} has no URL`);
        return { paymentId: session.id, redirectUrl: session.url };
      });
    },
    async paymentProgress(paymentId) {
      if (!paymentId.startsWith('cs_')) return intentProgress(await stripe.paymentIntents.retrieve(paymentId));
      const session = await stripe.checkout.sessions.retrieve(paymentId);
      if (session.payment_status === 'paid') return 'succeeded';
      // A completed session whose money has not arrived yet (bank debits and the like).
      if (session.status === 'complete') return 'processing';
      return session.status === 'expired' ? 'failed' : 'open';
    },
    refund: (paymentId, amountMinor, options) => refund(stripe, paymentId, amountMinor, options?.idempotencyKey),
    async cancelPayment(paymentId) {
      if (!paymentId.startsWith('cs_')) return cancelIntent(stripe, paymentId, 'stripe');
      // A Checkout Session is withdrawn by expiring it; one already complete was paid.
      return unavailableOnError('stripe', `cancel payment ${paymentId}`, async () => {
        const session = await stripe.checkout.sessions.retrieve(paymentId);
        if (session.status === 'complete') return 'already_paid';
        if (session.status === 'open') {
          const expired = await stripe.checkout.sessions.expire(paymentId).catch(async () => stripe.checkout.sessions.retrieve(paymentId));
          if (expired.status === 'complete') return 'already_paid';
        }
        return 'cancelled';
      });
    },
  };
}

/**
 * Cancels a PaymentIntent. Stripe refuses one that succeeded or is processing
 * (`payment_intent_unexpected_state`): read it back to tell "paid" from "already cancelled".
 */
async function cancelIntent(stripe: Stripe, paymentId: string, gateway: string): Promise<'cancelled' | 'already_paid'> {
  return unavailableOnError(gateway, `cancel payment ${paymentId}`, async () => {
    try {
      await stripe.paymentIntents.cancel(paymentId);
      return 'cancelled';
    } catch (error) {
      if ((error as { code?: string }).code !== 'payment_intent_unexpected_state') throw error;
      const intent = await stripe.paymentIntents.retrieve(paymentId);
      return intent.status === 'canceled' ? 'cancelled' : 'already_paid';
    }
  });
}

/** A PaymentIntent's status in Ferry's words; a declined card leaves it payable again (`open`). */
export function intentProgress(intent: Pick<Stripe.PaymentIntent, 'status'>): PaymentProgress {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    case 'canceled':
      return 'failed';
    default:
      return 'open';
  }
}

/**
 * The order number; a price-difference payment also names its request, a service charge
 * (more QC photos) its charge: the webhook credits that, not the order. A wallet top-up has no
 * order: it names the top-up (id and random reference).
 */
function paymentMetadata(order: PayableOrder): Record<string, string> {
  if (order.parcelId !== undefined) return { parcel_id: String(order.parcelId), parcel_number: order.number, parcel_charge: order.parcelCharge ?? 'parcel' };
  if (order.walletTopupId !== undefined) return { wallet_topup_id: String(order.walletTopupId), wallet_topup_ref: order.number };
  if (order.priceDifferenceId !== undefined) return { order_number: order.number, price_difference_id: String(order.priceDifferenceId) };
  if (order.serviceChargeId !== undefined) return { order_number: order.number, service_charge_id: String(order.serviceChargeId) };
  return { order_number: order.number };
}

/** One payment per order, one per price-difference request of it and one per service charge (each a different amount). */
function paymentKey(order: PayableOrder): string {
  // The amount too: a parcel's card part shrinks when the wallet paid some of it first.
  if (order.parcelId !== undefined) return `parcel-${order.number}-${order.parcelCharge ?? 'parcel'}-${order.chargeMinor}`;
  if (order.walletTopupId !== undefined) return `topup-${order.number}`;
  if (order.priceDifferenceId !== undefined) return `${order.number}-pd${order.priceDifferenceId}`;
  if (order.serviceChargeId !== undefined) return `${order.number}-sc${order.serviceChargeId}`;
  if (order.walletPaidMinor) return `${order.number}-w${order.walletPaidMinor}`;
  return order.number;
}

function describe(order: PayableOrder): string {
  if (order.parcelId !== undefined) return order.parcelCharge === 'topup' ? `Ferry parcel ${order.number} weight difference` : `Ferry parcel ${order.number} shipping`;
  if (order.walletTopupId !== undefined) return `Ferry wallet top-up ${order.number}`;
  if (order.priceDifferenceId !== undefined) return `Ferry order ${order.number} price difference`;
  if (order.serviceChargeId !== undefined) return `Ferry order ${order.number} more QC photos`;
  return `Ferry order ${order.number}`;
}

async function refund(stripe: Stripe, paymentId: string, amountMinor: number, idempotencyKey?: string) {
  const result = await stripe.refunds.create({ payment_intent: paymentId, amount: amountMinor }, { idempotencyKey: idempotencyKey ?? `ferry-refund-${paymentId}-${amountMinor}` });
  return { refundId: result.id };
}

/** A gateway call that failed (unreachable, refused) is logged and answered "try again in a minute". `what`: "start payment for FR…". */
async function unavailableOnError<T>(gateway: string, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    console.error(`[payments] ${gateway} could not ${what}:`, (error as Error).message);
    throw new AppError('payment_unavailable', 'The payment service is not reachable right now. Please try again in a minute.');
  }
}

export function sandboxGateway(env: Env): PaymentGateway {
  return sandboxIntents(stripeClient(env.SANDBOX_SECRET_KEY, env.SANDBOX_GATEWAY_URL));
}

export function stripeGateway(env: Env): PaymentGateway | null {
  return env.STRIPE_SECRET_KEY ? stripeCheckout(stripeClient(env.STRIPE_SECRET_KEY)) : null;
}

/** The API client of a card gateway, for reads beside payments (its balance transactions); null when not configured. */
export function gatewayClient(env: Env, name: 'sandbox' | 'stripe'): Stripe | null {
  if (name === 'sandbox') return stripeClient(env.SANDBOX_SECRET_KEY, env.SANDBOX_GATEWAY_URL);
  return env.STRIPE_SECRET_KEY ? stripeClient(env.STRIPE_SECRET_KEY) : null;
}

/** Webhook verification with the SDK (raw body, `t.body` HMAC, 300 s tolerance); throws on a bad signature. */
export function verifyStripeEvent(rawBody: string, header: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, header, secret, 300);
}
