import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import type { GatewayName } from '@/lib/orders/types';
import type { Env } from '@/lib/env';
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
  const started = await gateway.startPayment(order, returnUrl);
  if (!order.gatewayPaymentId) {
    await db
      .update(orders)
      .set({ gatewayPaymentId: started.paymentId })
      .where(and(eq(orders.id, order.id), isNull(orders.gatewayPaymentId)));
  }
  return started.redirectUrl;
}
