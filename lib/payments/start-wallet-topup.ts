import 'server-only';
import type { Database } from '@/db/client';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { openWalletTopup, recordTopupPayment } from '@/lib/wallet/topups';
import { gatewayNamed, type GatewayDeps } from './registry';

/**
 * "Top up": a new top-up of the amount the shopper chose (already validated, in a currency the shop
 * takes) and a payment for it through the shop's card gateway (PAYMENT_GATEWAY), carrying
 * `wallet_topup_id` and its reference in the metadata; the webhook credits the wallet. Returns the
 * gateway's pay page and the top-up's reference.
 */
export async function startWalletTopup(
  db: Database,
  env: Env,
  input: { userId: number; currency: string; amountMinor: number; returnUrl: string },
  deps: GatewayDeps = {},
): Promise<{ reference: string; redirectUrl: string }> {
  const gateway = gatewayNamed(env.PAYMENT_GATEWAY, deps, env);
  if (!gateway) throw new AppError('payment_unavailable', `Payments by ${env.PAYMENT_GATEWAY} are not configured`);
  const topup = await openWalletTopup(db, { userId: input.userId, currency: input.currency, amountMinor: input.amountMinor, gateway: env.PAYMENT_GATEWAY });
  const returnUrl = `${input.returnUrl}${input.returnUrl.includes('?') ? '&' : '?'}topup=${topup.reference}`;
  const started = await gateway.startPayment(
    { number: topup.reference, chargeMinor: topup.amountMinor, chargeCurrency: topup.currency, gatewayPaymentId: null, walletTopupId: topup.id },
    returnUrl,
  );
  await recordTopupPayment(db, topup.id, started.paymentId);
  return { reference: topup.reference, redirectUrl: started.redirectUrl };
}
