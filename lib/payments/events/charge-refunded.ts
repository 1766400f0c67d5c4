import 'server-only';
import { and, asc, eq, like } from 'drizzle-orm';
import { paymentLedger, refunds, type OrderStatus } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { recordAudit } from '@/lib/audit/record';
import { recordOrderFact } from '@/lib/orders/record-order-fact';
import { findTransition } from '@/lib/orders/transitions';
import { transitionInTx } from '@/lib/orders/transition-order';
import { chargeObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { foreignSourceReason, orderForPayment } from './ledger';
import { onWalletTopupRefunded } from './wallet-topup-refunded';

/**
 * charge.refunded: the event carries the charge's refunded *total* so far. The ledger records what
 * this event adds to it (total − what the charge's earlier refund rows hold), so the refund rows of
 * a charge add up to its refunded total however many partial refunds there were; an older total
 * arriving after a newer one adds nothing. (The order row is locked by orderForPayment, so two
 * refund events of one order are counted one after the other.) A full refund moves the order to
 * refunded where the state machine allows it (it may already be there if staff refunded it).
 */
export async function onChargeRefunded(ctx: EventContext, object: unknown): Promise<HandlerResult> {
  const charge = chargeObject.parse(object);
  // A wallet top-up refunded at the gateway belongs to no order: it takes the money back from the wallet.
  if (charge.metadata.wallet_topup_id !== undefined) return onWalletTopupRefunded(ctx, charge);
  const order = await orderForPayment(ctx.tx, charge.metadata.order_number);
  if (!order) return { outcome: 'unknown_order' };
  const foreign = foreignSourceReason(order, ctx.source);
  if (foreign) {
    // Recorded for finance as flagged (it counts toward nothing: the refund rows below read only
    // the order's own gateway's recorded rows), and the order is left alone.
    await appendLedger(ctx.tx, {
      orderId: order.id,
      gateway: ctx.source,
      transactionId: `${charge.id}:${charge.amount_refunded}`,
      kind: 'refund',
      amountMinor: charge.amount_refunded,
      currency: charge.currency.toUpperCase(),
      eventId: ctx.eventId,
      flagReason: foreign,
    });
    await recordAudit(ctx.tx, { type: 'gateway', id: ctx.source }, 'payment.flagged', { type: 'order', id: order.id }, { reason: foreign, chargeId: charge.id });
    return { outcome: 'flagged' };
  }
  const transactionId = `${charge.id}:${charge.amount_refunded}`;
  const earlier = await ctx.tx
    .select({ transactionId: paymentLedger.transactionId, amountMinor: paymentLedger.amountMinor })
    .from(paymentLedger)
    .where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.gateway, ctx.source), eq(paymentLedger.status, 'recorded'), eq(paymentLedger.kind, 'refund'), like(paymentLedger.transactionId, `${charge.id.replace(/[\\%_]/g, '\\$&')}:%`)));
  if (earlier.some((row) => row.transactionId === transactionId)) return { outcome: 'duplicate_refund' };
  const increment = charge.amount_refunded - earlier.reduce((total, row) => total + row.amountMinor, 0);
  if (increment <= 0) return { outcome: 'stale_refund' };
  const isNew = await appendLedger(ctx.tx, {
    orderId: order.id,
    gateway: ctx.source,
    transactionId,
    kind: 'refund',
    amountMinor: increment,
    currency: charge.currency.toUpperCase(),
    eventId: ctx.eventId,
  });
  if (!isNew) return { outcome: 'duplicate_refund' };
  await confirmRequestedRefunds(ctx.tx, order.id, charge.amount_refunded);
  const isFull = charge.amount_refunded >= charge.amount;
  // The shopper hears of a partial refund through the outbox (a full one is the order's move to refunded).
  if (!isFull) await recordOrderFact(ctx.tx, order.id, 'order.partially_refunded', { amountMinor: increment, currency: charge.currency.toUpperCase(), refundedTotalMinor: charge.amount_refunded });
  if (!isFull || !findTransition(order.status as OrderStatus, 'refunded')) {
    await recordAudit(ctx.tx, { type: 'gateway', id: ctx.source }, 'payment.refunded', { type: 'order', id: order.id }, {
      amountRefunded: charge.amount_refunded,
      full: isFull,
    });
    return { outcome: isFull ? `refund_recorded_${order.status}` : 'partial_refund' };
  }
  const result = await transitionInTx(ctx.tx, {
    orderId: order.id,
    from: order.status as OrderStatus,
    to: 'refunded',
    actor: { type: 'gateway', id: ctx.source },
    payload: { chargeId: charge.id, amountRefunded: charge.amount_refunded },
  });
  return { outcome: 'refunded', settlement: result.settlement };
}

/**
 * Ferry's card refunds of the order (lib/payments/refund.ts) waiting for the gateway become
 * `succeeded`, oldest first, as far as the charge's refunded total covers them. (Both still count
 * against what is refundable; the status is what staff read.)
 */
async function confirmRequestedRefunds(tx: Executor, orderId: number, refundedTotalMinor: number): Promise<void> {
  const rows = await tx
    .select({ id: refunds.id, status: refunds.status, amountMinor: refunds.amountMinor })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), eq(refunds.destination, 'original')))
    .orderBy(asc(refunds.id));
  let covered = rows.filter((row) => row.status === 'succeeded').reduce((total, row) => total + row.amountMinor, 0);
  for (const row of rows) {
    if (row.status !== 'requested' || covered + row.amountMinor > refundedTotalMinor) continue;
    covered += row.amountMinor;
    await tx.update(refunds).set({ status: 'succeeded', completedAt: new Date() }).where(and(eq(refunds.id, row.id), eq(refunds.status, 'requested')));
  }
}
