import 'server-only';
import { and, eq } from 'drizzle-orm';
import { priceDifferences } from '@/db/schema/purchasing';
import { recordAudit } from '@/lib/audit/record';
import { applyDifferencePayment } from '@/lib/purchasing/apply-difference-payment';
import type { paymentIntentObject } from '../webhook-event';
import type { z } from 'zod';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { foreignSourceReason, orderForPayment } from './ledger';

/**
 * payment_intent.succeeded for a price-difference request (`metadata.price_difference_id`): the
 * charge goes to the ledger under the order, checked against the request's own amount and currency
 * (not the order's charge) and its source (the order's gateway, and the payment Ferry started for
 * the request); the order's status and payment id are left alone. A matching payment
 * for an open request marks it paid and sends its lines back to purchasing; anything else (another
 * amount, a request declined or cancelled meanwhile) is flagged for finance.
 */
export async function onPriceDifferencePaid(ctx: EventContext, intent: z.infer<typeof paymentIntentObject>): Promise<HandlerResult> {
  const order = await orderForPayment(ctx.tx, intent.metadata.order_number);
  if (!order) return { outcome: 'unknown_order' };
  const differenceId = Number(intent.metadata.price_difference_id);
  const [difference] = Number.isSafeInteger(differenceId)
    ? await ctx.tx
        .select({ id: priceDifferences.id, status: priceDifferences.status, chargeMinor: priceDifferences.chargeMinor, chargeCurrency: priceDifferences.chargeCurrency, gatewayPaymentId: priceDifferences.gatewayPaymentId })
        .from(priceDifferences)
        .where(and(eq(priceDifferences.id, differenceId), eq(priceDifferences.orderId, order.id)))
        .for('update')
    : [];
  const amount = intent.amount_received ?? intent.amount;
  const currency = intent.currency.toUpperCase();

  let flagReason: string | null = null;
  // A cash-on-delivery order pays its differences by card, so only its own payment id vouches for it.
  const foreign = order.gateway === 'cod' ? null : foreignSourceReason(order, ctx.source);
  if (foreign) flagReason = foreign;
  else if (!difference) flagReason = `payment for price difference ${String(intent.metadata.price_difference_id)}, which this order does not have`;
  else if (amount !== difference.chargeMinor || currency !== difference.chargeCurrency) {
    flagReason = `paid ${amount} ${currency}, price difference ${difference.id} is ${difference.chargeMinor} ${difference.chargeCurrency}`;
  } else if (difference.gatewayPaymentId && difference.gatewayPaymentId !== intent.id) {
    flagReason = `payment ${intent.id} is not the one started for price difference ${difference.id}`;
  } else if (difference.status !== 'open') flagReason = `payment arrived for a ${difference.status} price difference ${difference.id}`;

  const isNew = await appendLedger(ctx.tx, { orderId: order.id, gateway: ctx.source, transactionId: intent.id, kind: 'charge', amountMinor: amount, currency, eventId: ctx.eventId, flagReason });
  if (!isNew) return { outcome: 'duplicate_payment' };
  if (flagReason) {
    await recordAudit(ctx.tx, { type: 'gateway', id: ctx.source }, 'payment.flagged', { type: 'order', id: order.id }, { reason: flagReason, paymentId: intent.id });
    return { outcome: 'flagged' };
  }
  const applied = await applyDifferencePayment(ctx.tx, { differenceId, paymentId: intent.id, actor: { type: 'gateway', id: ctx.source } });
  return { outcome: applied ? 'difference_paid' : 'difference_not_open' };
}
