import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, orderItems, orders } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import { priceDifferences } from '@/db/schema/purchasing';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { gatewayNamed } from './registry';
import { declineRefundMinor, linesTotalCny } from '@/lib/purchasing/amounts';
import { settleCancelledLines, type DeclineRefund } from '@/lib/purchasing/settle-cancelled-lines';
import type { DifferencePaymentDeps } from './start-difference-payment';

export type DeclineResult = { refund: DeclineRefund | null; orderRefunded: boolean };

/**
 * "Cancel these items": the shopper will not pay the new price. Money first, like a staff refund:
 * 1. the request `open → declined` (compare-and-set; a second click or a payment racing it loses),
 *    refused while another cancellation of the same order is still refunding (one at a time, so
 *    the refunds of one order add up to its charge exactly);
 * 2. the gateway refunds those lines at the order's pinned rate (the whole rest of the charge when
 *    these were the order's last lines); if it refuses, the request is open again and nothing else
 *    changed;
 * 3. the lines are cancelled, the refund recorded (purchase log and audit), the waiting purchase
 *    order closed when nothing else waits, and the order becomes `refunded` if every line is now
 *    cancelled, or `purchased` if the rest is bought. Other lines go on being purchased.
 * `userId` scopes the request to its shopper (null for staff acting for them).
 */
export async function declinePriceDifference(
  db: Database,
  redis: Redis | null,
  env: Env,
  input: { differenceId: number; userId: number | null },
  actor: Actor,
  deps: DifferencePaymentDeps = {},
): Promise<DeclineResult> {
  const claimed = await db.transaction(async (tx) => {
    const owner = input.userId === null ? undefined : eq(orders.userId, input.userId);
    const [row] = await tx
      .select({ difference: priceDifferences, order: orders })
      .from(priceDifferences)
      .innerJoin(orders, eq(orders.id, priceDifferences.orderId))
      .where(and(eq(priceDifferences.id, input.differenceId), owner))
      .for('update');
    if (!row) throw new AppError('not_found', 'Price difference not found');
    const [pending] = await tx
      .select({ id: priceDifferences.id })
      .from(priceDifferences)
      .where(and(eq(priceDifferences.orderId, row.order.id), eq(priceDifferences.status, 'declined'), isNull(priceDifferences.resolvedAt), ne(priceDifferences.id, row.difference.id)));
    if (pending) throw new AppError('conflict', 'Another cancellation of this order is being refunded; try again in a minute');
    const [result] = await tx
      .update(priceDifferences)
      .set({ status: 'declined' })
      .where(and(eq(priceDifferences.id, row.difference.id), eq(priceDifferences.status, 'open')));
    if (result.affectedRows !== 1) throw new AppError('invalid_transition', 'This price difference has already been settled');
    return row;
  });
  const { difference, order } = claimed;

  let refund: DeclineRefund | null = null;
  try {
    refund = await refundLines(db, env, order, difference, deps);
  } catch (error) {
    await db
      .update(priceDifferences)
      .set({ status: 'open' })
      .where(and(eq(priceDifferences.id, difference.id), eq(priceDifferences.status, 'declined'), isNull(priceDifferences.resolvedAt)));
    throw error;
  }
  return settleCancelledLines(db, redis, { difference, order, refund }, actor);
}

type OrderRow = typeof orders.$inferSelect;
type DifferenceRow = typeof priceDifferences.$inferSelect;

async function refundLines(db: Database, env: Env, order: OrderRow, difference: DifferenceRow, deps: DifferencePaymentDeps): Promise<DeclineRefund | null> {
  const itemIds = difference.lines.map((line) => line.orderItemId);
  const [items, others, requested, charge] = await Promise.all([
    db.select({ quantity: orderItems.quantity, unitPriceCnyMinor: orderItems.unitPriceCnyMinor }).from(orderItems).where(inArray(orderItems.id, itemIds)),
    db
      .select({ id: orderItems.id })
      .from(orderItems)
      .where(and(eq(orderItems.orderId, order.id), ne(orderItems.purchaseStatus, 'cancelled'))),
    db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'order'), eq(auditLog.subjectId, String(order.id)), eq(auditLog.action, 'payment.refund_requested'))),
    order.gatewayPaymentId
      ? db
          .select({ gateway: paymentLedger.gateway, transactionId: paymentLedger.transactionId, currency: paymentLedger.currency })
          .from(paymentLedger)
          .where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.kind, 'charge'), eq(paymentLedger.status, 'recorded'), eq(paymentLedger.transactionId, order.gatewayPaymentId)))
      : Promise.resolve([]),
  ]);
  // Cash on delivery (or an order whose charge was never recorded) has nothing to give back.
  const paid = charge.find((row) => row.currency === order.chargeCurrency);
  if (!paid) return null;
  const earlier = requested
    .map((row) => row.details as { amountMinor?: unknown; currency?: unknown })
    .filter((d) => d.currency === order.chargeCurrency && typeof d.amountMinor === 'number')
    .reduce((sum, d) => sum + (d.amountMinor as number), 0);
  const isLastLine = others.every((other) => itemIds.includes(other.id));
  const amountMinor = declineRefundMinor(order, linesTotalCny(items), earlier, isLastLine);
  if (amountMinor <= 0) return null;
  const gateway = gatewayNamed(paid.gateway, deps, env);
  if (!gateway) throw new AppError('payment_unavailable', `The ${paid.gateway} gateway is not configured here: refund this payment in its dashboard`);
  try {
    const { refundId } = await gateway.refund(paid.transactionId, amountMinor);
    return { gateway: paid.gateway, paymentId: paid.transactionId, amountMinor, currency: order.chargeCurrency, refundId, isWholeOrder: isLastLine };
  } catch (error) {
    console.error(`[purchasing] refund for price difference ${difference.id} (${paid.gateway} ${paid.transactionId}) failed:`, (error as Error).message);
    throw new AppError('payment_unavailable', 'The payment gateway did not accept the refund. Nothing was changed; try again later.');
  }
}

