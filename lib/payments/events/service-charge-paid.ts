import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { serviceCharges } from '@/db/schema/warehouse';
import { recordAudit } from '@/lib/audit/record';
import { grantMorePhotos } from '@/lib/warehouse/decisions/grant-more-photos';
import type { paymentIntentObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { foreignSourceReason, orderForPayment } from './ledger';

/**
 * payment_intent.succeeded for a service charge (`metadata.service_charge_id`, more QC photos): the
 * charge goes to the ledger under the order once (a replayed webhook finds its row and does
 * nothing), checked against the charge's own amount, currency and payment; the order itself is
 * left alone. A matching payment for an open charge grants the photos (grantMorePhotos); anything
 * else (another amount, a charge withdrawn because the shopper decided meanwhile) is flagged for
 * finance.
 */
export async function onServiceChargePaid(ctx: EventContext, intent: z.infer<typeof paymentIntentObject>): Promise<HandlerResult> {
  const order = await orderForPayment(ctx.tx, intent.metadata.order_number);
  if (!order) return { outcome: 'unknown_order' };
  const chargeId = Number(intent.metadata.service_charge_id);
  const [charge] = Number.isSafeInteger(chargeId)
    ? await ctx.tx
        .select({ id: serviceCharges.id, status: serviceCharges.status, chargeMinor: serviceCharges.chargeMinor, chargeCurrency: serviceCharges.chargeCurrency, gatewayPaymentId: serviceCharges.gatewayPaymentId })
        .from(serviceCharges)
        .where(and(eq(serviceCharges.id, chargeId), eq(serviceCharges.orderId, order.id)))
        .for('update')
    : [];
  const amount = intent.amount_received ?? intent.amount;
  const currency = intent.currency.toUpperCase();

  // A cash-on-delivery order pays its services by card, so only its own payment id vouches for it.
  let flagReason = order.gateway === 'cod' ? null : foreignSourceReason(order, ctx.source);
  if (flagReason) {
    // The source is not the order's: nothing below may vouch for it.
  } else if (!charge) flagReason = `payment for service charge ${String(intent.metadata.service_charge_id)}, which this order does not have`;
  else if (amount !== charge.chargeMinor || currency !== charge.chargeCurrency) flagReason = `paid ${amount} ${currency}, service charge ${charge.id} is ${charge.chargeMinor} ${charge.chargeCurrency}`;
  else if (charge.gatewayPaymentId && charge.gatewayPaymentId !== intent.id) flagReason = `payment ${intent.id} is not the one started for service charge ${charge.id}`;
  else if (charge.status !== 'open') flagReason = `payment arrived for a ${charge.status} service charge ${charge.id}`;

  const isNew = await appendLedger(ctx.tx, { orderId: order.id, gateway: ctx.source, transactionId: intent.id, kind: 'charge', amountMinor: amount, currency, eventId: ctx.eventId, flagReason });
  if (!isNew) return { outcome: 'duplicate_payment' };
  if (flagReason) {
    await recordAudit(ctx.tx, { type: 'gateway', id: ctx.source }, 'payment.flagged', { type: 'order', id: order.id }, { reason: flagReason, paymentId: intent.id });
    return { outcome: 'flagged' };
  }
  const granted = await grantMorePhotos(ctx.tx, { serviceChargeId: chargeId, paymentId: intent.id, actor: { type: 'gateway', id: ctx.source } });
  return { outcome: granted ? 'service_charge_paid' : 'service_charge_not_open' };
}
