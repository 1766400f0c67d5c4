import 'server-only';
import { and, eq, like } from 'drizzle-orm';
import type { z } from 'zod';
import { paymentLedger } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { getEnv } from '@/lib/env';
import { latestRate } from '@/lib/fx/store';
import { appendLedger } from '@/lib/ledger/append-ledger';
import { debitWallet, lockedBalance } from '@/lib/wallet/entries';
import { lockWalletTopup, settleWalletTopup } from '@/lib/wallet/topups';
import type { chargeObject } from '../webhook-event';
import type { EventContext, HandlerResult } from './context';

/**
 * charge.refunded for a wallet top-up (`metadata.wallet_topup_id`): finance refunded the top-up in
 * the gateway's dashboard, so the shopper has the money back on the card and must not keep it in
 * the wallet too. Like an order's refund, the ledger gets what this event adds to the charge's
 * refunded total (`<charge id>:<total>`, under the shopper), so replays and out-of-order events add
 * nothing and partial refunds add up.
 *
 * When the refunded payment is the one that credited the top-up, the wallet is debited once by that
 * increment (kind `adjustment`, source `topup_refund:<charge id>:<total>`, note the top-up's
 * reference). The balance never goes below zero: the balance row is locked and at most what it holds
 * is taken; what was already spent (the shortfall) is not taken, and the ledger row is `flagged` with
 * the shortfall for finance (and audited), since the gateway did refund it all.
 *
 * A refund of a payment that credited nothing (a flagged payment, another payment than the one
 * started) takes nothing from the wallet; one that arrives before the top-up's payment was recorded
 * flags the top-up, so that payment can never credit it afterwards. A refund from another gateway
 * than the top-up's is flagged and changes nothing.
 */
export async function onWalletTopupRefunded(ctx: EventContext, charge: z.infer<typeof chargeObject>): Promise<HandlerResult> {
  const topup = await lockWalletTopup(ctx.tx, Number(charge.metadata.wallet_topup_id), charge.metadata.wallet_topup_ref);
  if (!topup) return { outcome: 'unknown_topup' };
  const actor = { type: 'gateway' as const, id: ctx.source };
  const currency = charge.currency.toUpperCase();
  const transactionId = `${charge.id}:${charge.amount_refunded}`;
  const subject = { type: 'wallet_topup', id: topup.id };
  // Like the top-up's own charge row, its CNY and reporting amounts are at the rates of the moment.
  const reporting = getEnv().REPORTING_CURRENCY;
  const [chargeRate, baseRate] = [await latestRate(ctx.tx, currency), await latestRate(ctx.tx, reporting)];
  const rates = chargeRate && baseRate ? { chargeCurrency: currency, chargeRate, baseCurrency: reporting, baseRate } : null;
  const record = (amountMinor: number, flagReason: string | null) =>
    appendLedger(ctx.tx, { orderId: null, userId: topup.userId, gateway: ctx.source, transactionId, kind: 'refund', amountMinor, currency, eventId: ctx.eventId, flagReason }, rates);

  if (topup.gateway !== ctx.source) {
    const reason = `event from the ${ctx.source} gateway for a top-up that pays through ${topup.gateway}`;
    if (!(await record(charge.amount_refunded, reason))) return { outcome: 'duplicate_refund' };
    await recordAudit(ctx.tx, actor, 'payment.flagged', subject, { reason, chargeId: charge.id, userId: topup.userId });
    return { outcome: 'flagged' };
  }

  // What this event adds to the charge's refunded total: the rows already recorded for the charge
  // (flagged ones too — a shortfall's row is still money the gateway refunded).
  const earlier = await ctx.tx
    .select({ transactionId: paymentLedger.transactionId, amountMinor: paymentLedger.amountMinor })
    .from(paymentLedger)
    .where(and(eq(paymentLedger.gateway, ctx.source), eq(paymentLedger.kind, 'refund'), like(paymentLedger.transactionId, `${charge.id.replace(/[\\%_]/g, '\\$&')}:%`)));
  if (earlier.some((row) => row.transactionId === transactionId)) return { outcome: 'duplicate_refund' };
  const increment = charge.amount_refunded - earlier.reduce((total, row) => total + row.amountMinor, 0);
  if (increment <= 0) return { outcome: 'stale_refund' };

  const paymentId = charge.payment_intent ?? null;
  const isCreditingPayment = topup.status === 'credited' && paymentId !== null && paymentId === topup.gatewayPaymentId && currency === topup.currency;
  if (!isCreditingPayment) {
    // Nothing of this payment reached the wallet, so nothing is taken back.
    const flagReason =
      topup.status === 'open'
        ? `refunded at the gateway before top-up ${topup.reference}'s payment was recorded: nothing credited, nothing taken back`
        : paymentId === null && topup.status === 'credited'
          ? `refund of charge ${charge.id}, which names no payment: top-up ${topup.reference} left as it is`
          : null;
    if (!(await record(increment, flagReason))) return { outcome: 'duplicate_refund' };
    if (topup.status === 'open') await settleWalletTopup(ctx.tx, topup, { paymentId: paymentId ?? charge.id, flagReason: flagReason!, actor });
    await recordAudit(ctx.tx, actor, flagReason ? 'payment.flagged' : 'wallet.topup_refunded', subject, { chargeId: charge.id, paymentId, refundedMinor: increment, takenMinor: 0, currency, userId: topup.userId, ...(flagReason ? { reason: flagReason } : {}) });
    return { outcome: flagReason ? 'flagged' : 'refund_of_uncredited_payment' };
  }

  const available = Math.max(0, await lockedBalance(ctx.tx, topup.userId, topup.currency));
  const takenMinor = Math.min(available, increment);
  const shortfallMinor = increment - takenMinor;
  const flagReason =
    shortfallMinor > 0
      ? `top-up ${topup.reference} refunded at the gateway: the wallet held ${takenMinor} of the ${increment} ${currency} refunded; ${shortfallMinor} was already spent and not taken back`
      : null;
  if (!(await record(increment, flagReason))) return { outcome: 'duplicate_refund' };
  if (takenMinor > 0) {
    await debitWallet(ctx.tx, 'adjustment', { userId: topup.userId, currency: topup.currency, amountMinor: takenMinor, source: `topup_refund:${transactionId}`, note: topup.reference, actor });
  }
  const details = { chargeId: charge.id, paymentId, refundedMinor: increment, takenMinor, shortfallMinor, currency, userId: topup.userId };
  await recordAudit(ctx.tx, actor, 'wallet.topup_refunded', subject, details);
  if (flagReason) {
    await recordAudit(ctx.tx, actor, 'payment.flagged', subject, { ...details, reason: flagReason });
    return { outcome: 'topup_refund_short' };
  }
  return { outcome: 'topup_refunded' };
}
