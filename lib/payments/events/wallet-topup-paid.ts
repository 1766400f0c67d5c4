import 'server-only';
import type { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { getEnv } from '@/lib/env';
import { latestRate } from '@/lib/fx/store';
import { lockWalletTopup, settleWalletTopup } from '@/lib/wallet/topups';
import type { paymentIntentObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';
import { appendLedger } from '@/lib/ledger/append-ledger';

/**
 * payment_intent.succeeded for a wallet top-up (`metadata.wallet_topup_id`): the charge goes to the
 * payment ledger once, under the shopper (it has no order), and the wallet is credited once (its
 * entry's source is the payment id). A payment from another gateway than the top-up's, of another
 * amount or currency, another payment than the one started, or for a top-up already settled is
 * flagged for finance and credits nothing.
 */
export async function onWalletTopupPaid(ctx: EventContext, intent: z.infer<typeof paymentIntentObject>): Promise<HandlerResult> {
  const topup = await lockWalletTopup(ctx.tx, Number(intent.metadata.wallet_topup_id), intent.metadata.wallet_topup_ref);
  if (!topup) return { outcome: 'unknown_topup' };
  const amount = intent.amount_received ?? intent.amount;
  const currency = intent.currency.toUpperCase();
  const flagReason =
    topup.gateway !== ctx.source
      ? `event from the ${ctx.source} gateway for a top-up that pays through ${topup.gateway}`
      : amount !== topup.amountMinor || currency !== topup.currency
        ? `paid ${amount} ${currency}, top-up ${topup.reference} is ${topup.amountMinor} ${topup.currency}`
        : topup.gatewayPaymentId && topup.gatewayPaymentId !== intent.id
          ? `payment ${intent.id} is not the one started for top-up ${topup.reference}`
          : topup.status !== 'open'
            ? `payment arrived for a ${topup.status} top-up ${topup.reference}`
            : null;
  // A top-up pins no rate: its CNY and reporting amounts are at the rates of the moment it was paid.
  const reporting = getEnv().REPORTING_CURRENCY;
  const chargeRate = await latestRate(ctx.tx, currency);
  const baseRate = await latestRate(ctx.tx, reporting);
  const rates = chargeRate && baseRate ? { chargeCurrency: currency, chargeRate, baseCurrency: reporting, baseRate } : null;
  const isNew = await appendLedger(ctx.tx, { orderId: null, userId: topup.userId, gateway: ctx.source, transactionId: intent.id, kind: 'charge', amountMinor: amount, currency, eventId: ctx.eventId, flagReason }, rates);
  if (!isNew) return { outcome: 'duplicate_payment' };
  const actor = { type: 'gateway' as const, id: ctx.source };
  if (flagReason) {
    await settleWalletTopup(ctx.tx, topup, { paymentId: intent.id, flagReason, actor });
    await recordAudit(ctx.tx, actor, 'payment.flagged', { type: 'wallet_topup', id: topup.id }, { reason: flagReason, paymentId: intent.id, userId: topup.userId });
    return { outcome: 'flagged' };
  }
  const credited = await settleWalletTopup(ctx.tx, topup, { paymentId: intent.id, flagReason: null, actor });
  return { outcome: credited ? 'wallet_credited' : 'topup_not_open' };
}
