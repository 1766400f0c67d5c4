import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, type OrderStatus } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import { recordAudit } from '@/lib/audit/record';
import { gatewayNames, type GatewayName } from '@/lib/checkout/types';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { PaymentGateway } from '@/lib/payments/gateway';
import { cardGateway } from '@/lib/payments/registry';
import type { Actor } from './actor';
import { transitionOrderOrThrow } from './transition-order';
import { findTransition } from './transitions';

export type RefundRequest = {
  orderId: number;
  from: OrderStatus;
  actor: Actor;
  reason?: string;
  /** The version the staff member's screen showed. */
  expectedVersion?: number;
};

export type RefundDeps = { gatewayFor?: (name: GatewayName) => PaymentGateway | null };

export type RefundResult = { refund: { gateway: string; paymentId: string; amountMinor: number; currency: string; refundId: string } | null };

/**
 * Staff refund of a whole order: first the card gateway returns what the ledger says was charged
 * (less anything already refunded), then the order moves to `refunded` (compare-and-set, which
 * releases its withheld stock). The gateway goes first so a refused refund leaves the order as
 * it was. If the order changes between the two steps the money is back but the transition loses;
 * the gateway's `charge.refunded` webhook then moves the order where the state machine allows,
 * and the audit trail records the refund request either way.
 * Cash on delivery and unpaid orders have no charge: only the transition happens.
 */
export async function refundOrder(db: Database, redis: Redis | null, request: RefundRequest, deps: RefundDeps = {}): Promise<RefundResult> {
  const { orderId, from, actor, expectedVersion } = request;
  if (!findTransition(from, 'refunded')) throw new AppError('invalid_transition', `An order cannot go from ${from} to refunded`);

  const [order] = await db.select({ status: orders.status, version: orders.version }).from(orders).where(eq(orders.id, orderId)).limit(1);
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
  const charge = ledger.find((row) => row.kind === 'charge');
  let refund: RefundResult['refund'] = null;
  if (charge) {
    const alreadyRefunded = ledger.filter((row) => row.kind === 'refund' && row.currency === charge.currency).reduce((total, row) => total + row.amountMinor, 0);
    const amountMinor = charge.amountMinor - alreadyRefunded;
    if (amountMinor > 0) {
      const gateway = isGatewayName(charge.gateway) ? (deps.gatewayFor ?? ((name) => cardGateway(getEnv(), name)))(charge.gateway) : null;
      if (!gateway) throw new AppError('payment_unavailable', `The ${charge.gateway} gateway is not configured here: refund this payment in its dashboard`);
      let refundId: string;
      try {
        ({ refundId } = await gateway.refund(charge.transactionId, amountMinor));
      } catch (error) {
        console.error(`[orders] refund of order ${orderId} (${charge.gateway} ${charge.transactionId}) failed:`, (error as Error).message);
        throw new AppError('payment_unavailable', 'The payment gateway did not accept the refund. Nothing was changed; try again later.');
      }
      refund = { gateway: charge.gateway, paymentId: charge.transactionId, amountMinor, currency: charge.currency, refundId };
      await recordAudit(db, actor, 'payment.refund_requested', { type: 'order', id: orderId }, { ...refund, ...(request.reason ? { reason: request.reason } : {}) });
    }
  }

  await transitionOrderOrThrow(db, redis, {
    orderId,
    from,
    to: 'refunded',
    actor,
    reason: request.reason,
    expectedVersion,
    payload: refund ? { refund } : {},
  });
  return { refund };
}

function isGatewayName(value: string): value is GatewayName {
  return (gatewayNames as readonly string[]).includes(value);
}
