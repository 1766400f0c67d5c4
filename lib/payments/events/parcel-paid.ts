import 'server-only';
import type { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { lockParcel, markParcelPaid, markTopupPaid } from '@/lib/parcels/mark-paid';
import type { paymentIntentObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { parcelLedgerRates } from '@/lib/parcels/ledger-rates';

/**
 * payment_intent.succeeded for a parcel (`metadata.parcel_id`): the charge goes to the payment ledger
 * once (under the shopper: a parcel belongs to no one order; a replay finds its row and does nothing),
 * checked against what the parcel awaits — its price less any wallet part, or its settlement top-up —
 * in its currency, from its gateway, by the payment started for it. A match moves the parcel
 * (paid, or ready to dispatch after a top-up); anything else is flagged for finance and moves nothing.
 */
export async function onParcelPaid(ctx: EventContext, intent: z.infer<typeof paymentIntentObject>): Promise<HandlerResult> {
  const parcelId = Number(intent.metadata.parcel_id);
  const parcel = Number.isSafeInteger(parcelId) ? await lockParcel(ctx.tx, { id: parcelId }) : null;
  if (!parcel || (intent.metadata.parcel_number !== undefined && intent.metadata.parcel_number !== parcel.number)) return { outcome: 'unknown_parcel' };
  const isTopup = intent.metadata.parcel_charge === 'topup';
  const amount = intent.amount_received ?? intent.amount;
  const currency = intent.currency.toUpperCase();
  const expected = isTopup ? (parcel.settlementMinor ?? 0) : parcel.chargeMinor - parcel.walletPartMinor;
  const startedId = isTopup ? parcel.topupPaymentId : parcel.gatewayPaymentId;
  const awaited = isTopup ? 'awaiting_topup' : 'awaiting_payment';
  const what = isTopup ? `the top-up of parcel ${parcel.number}` : `parcel ${parcel.number}`;
  const flagReason =
    parcel.gateway !== ctx.source
      ? `event from the ${ctx.source} gateway for a parcel that pays through ${parcel.gateway}`
      : amount !== expected || currency !== parcel.currency
        ? `paid ${amount} ${currency}, ${what} is ${expected} ${parcel.currency}`
        : startedId && startedId !== intent.id
          ? `payment ${intent.id} is not the one started for ${what}`
          : parcel.status !== awaited
            ? `payment arrived for ${what} while it is ${parcel.status}`
            : null;
  const isNew = await appendLedger(ctx.tx, { orderId: null, userId: parcel.userId, gateway: ctx.source, transactionId: intent.id, kind: 'charge', amountMinor: amount, currency, eventId: ctx.eventId, flagReason }, await parcelLedgerRates(ctx.tx, parcel));
  if (!isNew) return { outcome: 'duplicate_payment' };
  const actor = { type: 'gateway' as const, id: ctx.source };
  if (flagReason) {
    await recordAudit(ctx.tx, actor, 'payment.flagged', { type: 'parcel', id: parcel.id }, { reason: flagReason, paymentId: intent.id });
    return { outcome: 'flagged' };
  }
  const moved = isTopup ? await markTopupPaid(ctx.tx, { parcelId: parcel.id, paymentId: intent.id, actor }) : await markParcelPaid(ctx.tx, { parcel, paymentId: intent.id, actor });
  return { outcome: moved ? (isTopup ? 'parcel_topup_paid' : 'parcel_paid') : 'parcel_not_awaiting' };
}
