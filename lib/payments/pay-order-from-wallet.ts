import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { walletBalances } from '@/db/schema/wallet';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { withDeadlockRetry } from '@/lib/db/lock-conflict';
import { AppError } from '@/lib/errors';
import { settleRedis, transitionInTx, type TransitionResult } from '@/lib/orders/transition-order';
import { debitWallet } from '@/lib/wallet/entries';
import { recordWalletLedger, walletPaymentId } from '@/lib/wallet/ledger';
import { walletBalanceIn } from '@/lib/wallet/queries';
import { gatewayNamed, type GatewayDeps } from './registry';

export type OrderWalletPayment = {
  /** `paid`: the balance paid it all; `part_paid`: the balance paid `walletPaidMinor`, the card pays `remainingMinor`. */
  outcome: 'paid' | 'part_paid';
  walletPaidMinor: number;
  remainingMinor: number;
  currency: string;
  /** True when an earlier request had already applied the balance: nothing moved now. */
  isRepeat: boolean;
  /** The order's pay link token (the owner's own order), for the card's part. */
  payToken: string;
};

/** The wallet source of an order's balance part: its ledger transaction is `wallet:order:<id>`. */
export const orderWalletSource = (orderId: number) => `order:${orderId}`;

/**
 * "Pay with my balance" for a shopper's own unpaid card order: the balance in the order's charge
 * currency pays all of it (the order becomes paid, as a card payment's webhook would make it) or
 * as much as it holds (the card then pays the rest: the pay link asks the gateway for the rest only).
 *
 * Once per order: the order row is locked and `wallet_paid_minor` is set in the same transaction as
 * the guarded debit (source `order:<id>`), so a second click waits and finds it applied. A card
 * payment already opened for the whole charge is withdrawn at the gateway first, so the card is
 * never asked for the part the balance paid; if the shopper finished it first, nothing moves.
 * If the order is cancelled unpaid, the balance part goes back (lib/wallet subscriber).
 */
export async function payOrderFromWallet(db: Database, redis: Redis | null, input: { userId: number; orderNumber: string; actor: Actor }, deps: GatewayDeps = {}): Promise<OrderWalletPayment> {
  const [order] = await db
    .select({ id: orders.id, status: orders.status, gateway: orders.gateway, gatewayPaymentId: orders.gatewayPaymentId, walletPaidMinor: orders.walletPaidMinor, chargeMinor: orders.chargeMinor, chargeCurrency: orders.chargeCurrency, payToken: orders.payToken })
    .from(orders)
    .where(and(eq(orders.number, input.orderNumber), eq(orders.userId, input.userId)))
    .limit(1);
  if (!order) throw new AppError('not_found', 'Order not found');
  if (order.walletPaidMinor > 0) return applied(order, true);
  if (order.status !== 'pending') throw new AppError('invalid_transition', 'This order is not waiting for payment', { reason: 'not_pending' });
  if (order.gateway === 'cod') throw new AppError('conflict', 'This order is paid in cash on delivery', { reason: 'cash_on_delivery' });
  if ((await walletBalanceIn(db, input.userId, order.chargeCurrency)) <= 0) throw new AppError('insufficient_funds', 'Your balance in this currency is empty', { reason: 'balance_empty' });

  const started = order.gatewayPaymentId;
  if (started) {
    const gateway = gatewayNamed(order.gateway, deps);
    if (!gateway) throw new AppError('payment_unavailable', 'The payment service is not reachable right now. Please try again in a minute.');
    if ((await gateway.cancelPayment(started)) === 'already_paid') {
      throw new AppError('conflict', 'Your card payment for this order has gone through and is being confirmed', { reason: 'card_payment_in_progress' });
    }
  }

  let result: TransitionResult = { changed: false, settlement: null };
  const outcome = await withDeadlockRetry(() =>
    db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: orders.status, walletPaidMinor: orders.walletPaidMinor, gatewayPaymentId: orders.gatewayPaymentId })
        .from(orders)
        .where(eq(orders.id, order.id))
        .for('update');
      if (!locked) throw new AppError('not_found', 'Order not found');
      if (locked.walletPaidMinor > 0) return applied({ ...order, walletPaidMinor: locked.walletPaidMinor }, true);
      if (locked.status !== 'pending') throw new AppError('invalid_transition', 'This order is not waiting for payment', { reason: 'not_pending' });
      if (locked.gatewayPaymentId !== started) throw new AppError('conflict', 'A card payment for this order was just opened: try again', { reason: 'card_payment_in_progress' });

      // The balance row is locked by the read, so the amount taken is what it holds now.
      const [balance] = await tx
        .select({ balanceMinor: walletBalances.balanceMinor })
        .from(walletBalances)
        .where(and(eq(walletBalances.userId, input.userId), eq(walletBalances.currency, order.chargeCurrency)))
        .for('update');
      const amountMinor = Math.min(balance?.balanceMinor ?? 0, order.chargeMinor);
      if (amountMinor <= 0) throw new AppError('insufficient_funds', 'Your balance in this currency is empty', { reason: 'balance_empty' });

      const source = orderWalletSource(order.id);
      await debitWallet(tx, 'spend', { userId: input.userId, currency: order.chargeCurrency, amountMinor, source, note: input.orderNumber, actor: input.actor });
      await recordWalletLedger(tx, { orderId: order.id, userId: input.userId, kind: 'charge', source, amountMinor, currency: order.chargeCurrency });
      const isWhole = amountMinor === order.chargeMinor;
      // Paid whole: the balance's payment is the order's payment. In part: the withdrawn card payment is forgotten, the pay link opens one for the rest.
      await tx.update(orders).set({ walletPaidMinor: amountMinor, gatewayPaymentId: isWhole ? walletPaymentId(source) : null }).where(eq(orders.id, order.id));
      await recordAudit(tx, input.actor, 'wallet.spent', { type: 'user', id: input.userId }, { for: source, orderNumber: input.orderNumber, amountMinor, currency: order.chargeCurrency });
      if (isWhole) {
        result = await transitionInTx(tx, { orderId: order.id, from: 'pending', to: 'paid', actor: input.actor, payload: { paymentId: walletPaymentId(source), amountMinor, currency: order.chargeCurrency } });
        if (!result.changed) throw new AppError('invalid_transition', 'This order is not waiting for payment', { reason: 'not_pending' });
      }
      return applied({ ...order, walletPaidMinor: amountMinor }, false);
    }),
  );
  await settleRedis(db, redis, result.settlement);
  return outcome;
}

function applied(order: { walletPaidMinor: number; chargeMinor: number; chargeCurrency: string; payToken: string }, isRepeat: boolean): OrderWalletPayment {
  const remainingMinor = order.chargeMinor - order.walletPaidMinor;
  return { outcome: remainingMinor === 0 ? 'paid' : 'part_paid', walletPaidMinor: order.walletPaidMinor, remainingMinor, currency: order.chargeCurrency, isRepeat, payToken: order.payToken };
}
