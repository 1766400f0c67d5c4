import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type OrderStatus } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import { priceDifferences } from '@/db/schema/purchasing';
import { recordAudit } from '@/lib/audit/record';
import { withDeadlockRetry } from '@/lib/db/lock-conflict';
import { AppError } from '@/lib/errors';
import { creditWallet } from '@/lib/wallet/entries';
import { recordWalletLedger } from '@/lib/wallet/ledger';
import type { PaymentGateway } from './gateway';
import { gatewayNamed, type GatewayDeps } from './registry';
import { settleRefundedItems, type SettleDeps } from '@/lib/purchasing/settle-refunded-items';
import type { Actor } from '@/lib/audit/actor';
import { transitionOrder } from '@/lib/orders/transition-order';
import { findTransition } from '@/lib/orders/transitions';
import { issueRefund, stillRefundable } from './refund';

export type RefundRequest = {
  orderId: number;
  from: OrderStatus;
  actor: Actor;
  reason?: string;
  /** The version the staff member's screen showed. */
  expectedVersion?: number;
};

export type RefundDeps = GatewayDeps & SettleDeps;

type Refund = { gateway: string; paymentId: string; amountMinor: number; currency: string; refundId: string };

/** `differences`: paid price-difference payments returned with the order (their own gateway payments). */
export type RefundResult = { refund: Refund | null; differences: Refund[] };

/**
 * Staff refund of a whole order: first the card gateway returns what is still refundable of the
 * charge (lib/payments/refund.ts: earlier card and wallet refunds subtracted) and every price difference the shopper paid on top (each its own
 * payment), then the order moves to `refunded` (compare-and-set, which
 * releases its withheld stock). The gateway goes first so a refused refund leaves the order as
 * it was. If the order changes between the two steps the money is back but the transition loses;
 * the gateway's `charge.refunded` webhook then moves the order where the state machine allows,
 * and the audit trail records the refund request either way.
 * Cash on delivery has no charge: a confirmed order's items are settled upstream (a bought, unshipped
 * 1688 order cancelled), then the transition happens.
 */
export async function refundOrder(db: Database, redis: Redis | null, request: RefundRequest, deps: RefundDeps = {}): Promise<RefundResult> {
  const { orderId, from, actor, expectedVersion } = request;
  if (!findTransition(from, 'refunded')) throw new AppError('invalid_transition', `An order cannot go from ${from} to refunded`);

  const [order] = await db.select({ status: orders.status, version: orders.version, gatewayPaymentId: orders.gatewayPaymentId, confirmedAt: orders.confirmedAt }).from(orders).where(eq(orders.id, orderId)).limit(1);
  if (!order) throw new AppError('not_found', 'Order not found');
  if (order.status !== from || (expectedVersion !== undefined && order.version !== expectedVersion)) {
    throw new AppError('invalid_transition', `The order is no longer ${from}; reload and try again`);
  }

  const ledger = await db
    .select({ gateway: paymentLedger.gateway, transactionId: paymentLedger.transactionId, kind: paymentLedger.kind, amountMinor: paymentLedger.amountMinor, currency: paymentLedger.currency })
    .from(paymentLedger)
    .where(and(eq(paymentLedger.orderId, orderId), eq(paymentLedger.status, 'recorded')));
  // Flagged charges (wrong amount, late payment) are finance's to settle by hand: only the charge
  // that paid the order is refunded here.
  // The order's own payment; other charges are price differences, refunded below by their requests.
  const charge = ledger.find((row) => row.kind === 'charge' && row.transactionId === order.gatewayPaymentId) ?? ledger.find((row) => row.kind === 'charge');
  const gatewayFor = (name: string) => gatewayNamed(name, deps);
  let refund: RefundResult['refund'] = null;
  if (charge) {
    // The card part goes through the one refund function (counted with every earlier refund, the
    // refunded items settled upstream); this function makes the order's move below, with its payload.
    const refundable = await stillRefundable(db, { id: orderId, gatewayPaymentId: order.gatewayPaymentId });
    if (refundable > 0) {
      const issued = await issueRefund(
        db,
        redis,
        { orderId, to: 'original', reason: request.reason || 'Order refunded', idempotencyKey: `order-refund:${orderId}:${order.version}`, actor, isOrderMoveLeftToCaller: true },
        deps,
      );
      refund = { gateway: charge.gateway, paymentId: charge.transactionId, amountMinor: issued.amountMinor, currency: issued.currency, refundId: issued.gatewayRefundId ?? '' };
    }
  }

  // No charge to refund (cash on delivery): the goods may still have been bought upstream after staff
  // confirmed the order; they are settled there the same way, so the agent does not pay the seller
  // for an order nobody will collect.
  if (!charge && order.confirmedAt) {
    const items = await db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, orderId));
    await settleRefundedItems(db, redis, { orderId, itemIds: items.map((item) => item.id), actor, reason: request.reason || 'Order refunded' }, deps);
  }

  const differences = await refundPaidDifferences(db, orderId, ledger, gatewayFor, actor, request.reason);

  // The gateway's refund webhook races this transition on the same order row: a deadlock is run
  // again, and if the webhook moved the order to refunded first, the refund staff asked for is done.
  const moved = await withDeadlockRetry(() =>
    transitionOrder(db, redis, {
      orderId,
      from,
      to: 'refunded',
      actor,
      reason: request.reason,
      expectedVersion,
      payload: { ...(refund ? { refund } : {}), ...(differences.length ? { differences } : {}) },
    }),
  );
  if (!moved) {
    const [now] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).limit(1);
    if (now?.status !== 'refunded') throw new AppError('invalid_transition', `The order is no longer ${from}; reload and try again`);
  }
  return { refund, differences };
}

/**
 * Each paid price difference is a payment of its own: the gateway returns it whole (a difference is
 * never partly refunded: declining cancels an open request, which has no payment). A gateway that
 * refuses stops here like the main refund does, before the order changes.
 */
async function refundPaidDifferences(
  db: Database,
  orderId: number,
  ledger: { gateway: string; transactionId: string; kind: string; amountMinor: number; currency: string }[],
  gatewayFor: (name: string) => PaymentGateway | null,
  actor: Actor,
  reason: string | undefined,
): Promise<Refund[]> {
  const paid = await db
    .select({ id: priceDifferences.id, paymentId: priceDifferences.gatewayPaymentId, amountMinor: priceDifferences.chargeMinor, currency: priceDifferences.chargeCurrency, userId: orders.userId, number: orders.number })
    .from(priceDifferences)
    .innerJoin(orders, eq(orders.id, priceDifferences.orderId))
    .where(and(eq(priceDifferences.orderId, orderId), eq(priceDifferences.status, 'paid')));
  const refunds: Refund[] = [];
  for (const difference of paid) {
    if (difference.paymentId?.startsWith('wallet:') && difference.userId !== null) {
      const returned = await returnDifferenceToWallet(db, { ...difference, userId: difference.userId, paymentId: difference.paymentId }, orderId, actor, reason);
      if (returned) refunds.push(returned);
      continue;
    }
    const charged = ledger.find((row) => row.kind === 'charge' && row.transactionId === difference.paymentId);
    if (!difference.paymentId || !charged) continue;
    const gateway = gatewayFor(charged.gateway);
    if (!gateway) throw new AppError('payment_unavailable', `The ${charged.gateway} gateway is not configured here: refund this payment in its dashboard`);
    let refundId: string;
    try {
      ({ refundId } = await gateway.refund(difference.paymentId, charged.amountMinor));
    } catch (error) {
      console.error(`[orders] refund of price difference ${difference.id} (${charged.gateway} ${difference.paymentId}) failed:`, (error as Error).message);
      throw new AppError('payment_unavailable', 'The payment gateway did not accept the refund of the price difference. Try again later.');
    }
    // Marked at once, so a retried staff refund (after a later gateway refusal) does not return it twice.
    await db.update(priceDifferences).set({ status: 'cancelled', resolvedAt: new Date() }).where(and(eq(priceDifferences.id, difference.id), eq(priceDifferences.status, 'paid')));
    const refund = { gateway: charged.gateway, paymentId: difference.paymentId, amountMinor: charged.amountMinor, currency: charged.currency, refundId };
    await recordAudit(db, actor, 'payment.refund_requested', { type: 'order', id: orderId }, { ...refund, priceDifferenceId: difference.id, ...(reason ? { reason } : {}) });
    refunds.push(refund);
  }
  return refunds;
}


/**
 * A difference paid from the wallet goes back to the wallet, in its currency: the request is
 * cancelled (compare-and-set) and the wallet credited (kind `refund`, source `price_difference:<id>`)
 * in one transaction, so a retried refund returns it once. Null if it was returned already.
 */
async function returnDifferenceToWallet(
  db: Database,
  difference: { id: number; paymentId: string; amountMinor: number; currency: string; userId: number; number: string },
  orderId: number,
  actor: Actor,
  reason: string | undefined,
): Promise<Refund | null> {
  return db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(priceDifferences)
      .set({ status: 'cancelled', resolvedAt: new Date() })
      .where(and(eq(priceDifferences.id, difference.id), eq(priceDifferences.status, 'paid')));
    if (cancelled.affectedRows !== 1) return null;
    const source = `price_difference:${difference.id}`;
    await creditWallet(tx, 'refund', { userId: difference.userId, currency: difference.currency, amountMinor: difference.amountMinor, source, note: difference.number, actor });
    await recordWalletLedger(tx, { orderId, userId: difference.userId, kind: 'refund', source, amountMinor: difference.amountMinor, currency: difference.currency });
    const refund = { gateway: 'wallet', paymentId: difference.paymentId, amountMinor: difference.amountMinor, currency: difference.currency, refundId: `wallet:refund:${source}` };
    await recordAudit(tx, actor, 'payment.refund_requested', { type: 'order', id: orderId }, { ...refund, priceDifferenceId: difference.id, ...(reason ? { reason } : {}) });
    return refund;
  });
}
