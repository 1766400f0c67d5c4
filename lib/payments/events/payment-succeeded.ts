import 'server-only';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { transitionInTx } from '@/lib/orders/transition-order';
import { paymentIntentObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { foreignSourceReason, orderForPayment } from './ledger';
import { onParcelPaid } from './parcel-paid';
import { onPriceDifferencePaid } from './price-difference-paid';
import { onServiceChargePaid } from './service-charge-paid';
import { onWalletTopupPaid } from './wallet-topup-paid';

/**
 * payment_intent.succeeded: record the charge once; the order becomes paid only if the event comes
 * from the order's own gateway, the amount and currency are exactly its pinned charge (less the part
 * its balance paid, lib/payments/pay-order-from-wallet) and it is
 * still pending. Anything else is flagged for
 * finance (a mismatch, or money for an order that expired meanwhile) and changes no status.
 */
export async function onPaymentSucceeded(ctx: EventContext, object: unknown): Promise<HandlerResult> {
  const intent = paymentIntentObject.parse(object);
  // A price difference's payment credits that request and never pays (or flags) the order itself.
  if (intent.metadata.price_difference_id !== undefined) return onPriceDifferencePaid(ctx, intent);
  // So does a service charge's (more QC photos): it credits that charge.
  if (intent.metadata.service_charge_id !== undefined) return onServiceChargePaid(ctx, intent);
  // A wallet top-up belongs to no order: it credits the shopper's balance.
  if (intent.metadata.wallet_topup_id !== undefined) return onWalletTopupPaid(ctx, intent);
  // A parcel's shipping (or its top-up after packing) credits the parcel.
  if (intent.metadata.parcel_id !== undefined) return onParcelPaid(ctx, intent);
  const order = await orderForPayment(ctx.tx, intent.metadata.order_number);
  if (!order) return { outcome: 'unknown_order' };
  const amount = intent.amount_received ?? intent.amount;
  const currency = intent.currency.toUpperCase();

  const foreign = foreignSourceReason(order, ctx.source);
  const flagReason =
    foreign ??
    (amount !== order.chargeMinor - order.walletPaidMinor || currency !== order.chargeCurrency
      ? `paid ${amount} ${currency}, order charge is ${order.chargeMinor} ${order.chargeCurrency}${order.walletPaidMinor ? ` of which ${order.walletPaidMinor} paid from the balance` : ''}`
      : order.status === 'cancelled' || order.status === 'refunded'
        ? `payment arrived for a ${order.status} order`
        : null);
  const isNew = await appendLedger(ctx.tx, {
    orderId: order.id,
    gateway: ctx.source,
    transactionId: intent.id,
    kind: 'charge',
    amountMinor: amount,
    currency,
    eventId: ctx.eventId,
    flagReason,
  });
  if (!isNew) return { outcome: 'duplicate_payment' };
  // A foreign source's payment id is not the order's payment (refunds go to the order's own gateway).
  if (!foreign) await ctx.tx.update(orders).set({ gatewayPaymentId: intent.id }).where(eq(orders.id, order.id));
  if (flagReason) {
    await recordAudit(ctx.tx, { type: 'gateway', id: ctx.source }, 'payment.flagged', { type: 'order', id: order.id }, { reason: flagReason, paymentId: intent.id });
    return { outcome: 'flagged' };
  }
  if (order.status !== 'pending') return { outcome: 'already_' + order.status };
  const result = await transitionInTx(ctx.tx, {
    orderId: order.id,
    from: 'pending',
    to: 'paid',
    actor: { type: 'gateway', id: ctx.source },
    payload: { paymentId: intent.id, amountMinor: amount, currency },
  });
  return { outcome: result.changed ? 'paid' : 'not_pending', settlement: result.settlement };
}
