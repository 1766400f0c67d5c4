import 'server-only';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { PayableOrder } from './gateway';
import { gatewayNamed, type GatewayDeps } from './registry';

/** A payment asked of the shopper after checkout (a price difference, a service charge), as read for paying it. */
export type LinkedCharge = { id: number; status: string; chargeMinor: number; chargeCurrency: string; gatewayPaymentId: string | null; number: string; gateway: string };

/**
 * Starts the gateway payment of such a charge (the caller has checked it is the payer's and open)
 * through the order's own gateway (cash-on-delivery orders pay it by card, PAYMENT_GATEWAY: it
 * cannot wait for the parcel), with `link` in its metadata so the webhook credits the charge and never the order. One payment per
 * charge: the gateway reuses the stored payment id, and `remember` stores a new one.
 */
export async function startLinkedPayment(
  env: Env,
  charge: LinkedCharge,
  link: Pick<PayableOrder, 'priceDifferenceId' | 'serviceChargeId' | 'parcelId' | 'parcelCharge'>,
  returnUrl: string,
  remember: (paymentId: string) => Promise<unknown>,
  deps: GatewayDeps = {},
): Promise<string> {
  const name = charge.gateway === 'cod' ? env.PAYMENT_GATEWAY : charge.gateway;
  const gateway = gatewayNamed(name, deps, env);
  if (!gateway) throw new AppError('payment_unavailable', `Payments by ${name} are not configured`);
  const started = await gateway.startPayment({ number: charge.number, chargeMinor: charge.chargeMinor, chargeCurrency: charge.chargeCurrency, gatewayPaymentId: charge.gatewayPaymentId, ...link }, returnUrl);
  if (!charge.gatewayPaymentId) await remember(started.paymentId);
  return started.redirectUrl;
}
