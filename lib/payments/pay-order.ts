import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import type { GatewayName } from '@/lib/orders/types';
import type { Env } from '@/lib/env';
import type { PaymentProgress } from './gateway';
import { AppError } from '@/lib/errors';
import { cardGateway } from './registry';

export type PayLinkOrder = typeof orders.$inferSelect;

/** The order behind a pay link, if the link's token is right (compared in constant time). */
export async function orderForPayLink(db: Database, number: string, token: string): Promise<PayLinkOrder> {
  const [order] = await db.select().from(orders).where(eq(orders.number, number));
  const expected = Buffer.from(order?.payToken ?? '0'.repeat(32));
  const given = Buffer.from(token.padEnd(32, '\0').slice(0, 64));
  if (!order || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('not_found', 'This payment link is not valid');
  }
  return order;
}

/**
 * Sends the payer on: to the gateway's page for a pending card order (creating its payment once),
 * or straight back to the order when there is nothing to pay.
 */
export async function startOrderPayment(db: Database, env: Env, order: PayLinkOrder, returnUrl: string): Promise<string> {
  if (order.status !== 'pending' || order.gateway === 'cod') return returnUrl;
  const gateway = cardGateway(env, order.gateway as GatewayName);
  if (!gateway) throw new AppError('payment_unavailable', `Payments by ${order.gateway} are not configured`);
  // A payment the gateway is still confirming (or has taken) is never offered twice: back to the order, which says so.
  const progress = await orderPaymentProgress(env, order);
  if (progress === 'processing' || progress === 'succeeded') return `${returnUrl}?payment=${progress}`;
  // The card pays what the balance did not (lib/payments/pay-order-from-wallet).
  const started = await gateway.startPayment(order.walletPaidMinor ? { ...order, chargeMinor: order.chargeMinor - order.walletPaidMinor } : order, returnUrl);
  if (!order.gatewayPaymentId) {
    await db
      .update(orders)
      .set({ gatewayPaymentId: started.paymentId })
      .where(and(eq(orders.id, order.id), isNull(orders.gatewayPaymentId)));
  }
  return started.redirectUrl;
}

/**
 * Where the order's card payment stands, asked of the gateway; null when there is nothing to ask
 * (no payment started, cash on delivery) or the gateway cannot be reached (the caller goes on
 * without it: this only decides what the payer is shown).
 */
export async function orderPaymentProgress(env: Env, order: PayLinkOrder): Promise<PaymentProgress | null> {
  if (!order.gatewayPaymentId || order.gateway === 'cod') return null;
  const gateway = cardGateway(env, order.gateway as GatewayName);
  if (!gateway) return null;
  try {
    return await gateway.paymentProgress(order.gatewayPaymentId);
  } catch (error) {
    console.warn(`[payments] could not read payment ${order.gatewayPaymentId} of ${order.number}:`, (error as Error).message);
    return null;
  }
}

/**
 * The outcome the order page shows after the gateway sent the payer back: the gateway's own word
 * where it can be had, else the return URL's (display only; the pay link asks the gateway again).
 */
export function returnOutcome(progress: PaymentProgress | null, claimed: string): 'succeeded' | 'processing' | 'failed' | null {
  if (progress === 'succeeded' || progress === 'processing' || progress === 'failed') return progress;
  // Open again: a declined card (the gateway says so only in the return URL) or a payer who came back without paying.
  if (progress === 'open') return claimed === 'failed' ? 'failed' : null;
  return /^(succeeded|failed|processing)$/.test(claimed) ? (claimed as 'succeeded' | 'failed' | 'processing') : null;
}
