import { recordAudit } from '@/lib/audit/record';
import { paymentIntentObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { foreignSourceReason, orderForPayment } from './ledger';

/**
 * payment_intent.payment_failed: recorded, never a status change. A pending order stays payable
 * (the shopper may try another card); a late failure never un-pays a paid order.
 */
export async function onPaymentFailed(ctx: EventContext, object: unknown): Promise<HandlerResult> {
  const intent = paymentIntentObject.parse(object);
  // A declined top-up stays open to pay again and has no order to record it under.
  if (intent.metadata.wallet_topup_id !== undefined && intent.metadata.order_number === undefined) return { outcome: 'topup_payment_failed' };
  const order = await orderForPayment(ctx.tx, intent.metadata.order_number);
  if (!order) return { outcome: 'unknown_order' };
  // Each failed attempt is its own ledger row: the event id tells attempts on one intent apart.
  await appendLedger(ctx.tx, {
    orderId: order.id,
    gateway: ctx.source,
    transactionId: `${intent.id}:${ctx.eventId}`,
    kind: 'failure',
    amountMinor: intent.amount,
    currency: intent.currency.toUpperCase(),
    eventId: ctx.eventId,
    flagReason: foreignSourceReason(order, ctx.source),
  });
  await recordAudit(ctx.tx, { type: 'gateway', id: ctx.source }, 'payment.failed', { type: 'order', id: order.id }, {
    paymentId: intent.id,
    code: intent.last_payment_error?.code ?? null,
    statusWhenReceived: order.status,
  });
  return { outcome: order.status === 'pending' ? 'failed' : `ignored_${order.status}` };
}
