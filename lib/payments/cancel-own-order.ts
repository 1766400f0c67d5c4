import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { transitionOrder } from '@/lib/orders/transition-order';
import { gatewayNamed, type GatewayDeps } from './registry';

export type CancelOwnOrderRequest = { userId: number; number: string; actor: Actor };
export type CancelOwnOrderDeps = GatewayDeps;

/**
 * The shopper cancels their own unpaid order (pending: not paid, not confirmed for cash on
 * delivery). A payment they opened is withdrawn at the gateway first, so nobody can complete it
 * afterwards; if they finished paying before it could be withdrawn, nothing is cancelled and they
 * are told the payment is being confirmed. Then pending → cancelled (compare-and-set), which
 * returns the held units; the shopper's cancellation email goes out through the event relay.
 * Someone else's order, or one that is not there, is `not_found`.
 */
export async function cancelOwnOrder(db: Database, redis: Redis | null, request: CancelOwnOrderRequest, deps: CancelOwnOrderDeps = {}): Promise<void> {
  const [order] = await db
    .select({ id: orders.id, status: orders.status, version: orders.version, gateway: orders.gateway, gatewayPaymentId: orders.gatewayPaymentId })
    .from(orders)
    .where(and(eq(orders.number, request.number), eq(orders.userId, request.userId)))
    .limit(1);
  if (!order) throw new AppError('not_found', 'Order not found');
  if (order.status !== 'pending') throw new AppError('invalid_transition', 'This order can no longer be cancelled here');

  if (order.gatewayPaymentId && order.gateway !== 'cod') {
    const gateway = gatewayNamed(order.gateway, deps);
    if (!gateway) throw new AppError('payment_unavailable', 'The payment service is not reachable right now. Please try again in a minute.');
    if ((await gateway.cancelPayment(order.gatewayPaymentId)) === 'already_paid') {
      throw new AppError('conflict', 'Your payment has gone through and is being confirmed: the order can no longer be cancelled here');
    }
  }

  const moved = await transitionOrder(db, redis, {
    orderId: order.id,
    from: 'pending',
    to: 'cancelled',
    actor: request.actor,
    reason: 'cancelled by the shopper',
    expectedVersion: order.version,
  });
  if (!moved) throw new AppError('invalid_transition', 'This order changed meanwhile; reload the page');
}
