import type { OrderStatus } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { findTransition } from '@/lib/orders/transitions';
import { transitionInTx } from '@/lib/orders/transition-order';
import { chargeObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger, orderForPayment } from './ledger';

/**
 * charge.refunded: the refunded total is recorded once per charge; a full refund moves the order
 * to refunded where the state machine allows it (it may already be there if staff refunded it).
 */
export async function onChargeRefunded(ctx: EventContext, object: unknown): Promise<HandlerResult> {
  const charge = chargeObject.parse(object);
  const order = await orderForPayment(ctx.tx, charge.metadata.order_number);
  if (!order) return { outcome: 'unknown_order' };
  const isNew = await appendLedger(ctx.tx, {
    orderId: order.id,
    gateway: ctx.source,
    transactionId: `${charge.id}:${charge.amount_refunded}`,
    kind: 'refund',
    amountMinor: charge.amount_refunded,
    currency: charge.currency.toUpperCase(),
    eventId: ctx.eventId,
  });
  if (!isNew) return { outcome: 'duplicate_refund' };
  const isFull = charge.amount_refunded >= charge.amount;
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
