import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { priceDifferences } from '@/db/schema/purchasing';
import { serviceCharges } from '@/db/schema/warehouse';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import { applyDifferencePayment } from '@/lib/purchasing/apply-difference-payment';
import { grantMorePhotos } from '@/lib/warehouse/decisions/grant-more-photos';
import { debitWallet } from './entries';
import { recordWalletLedger, walletPaymentId } from './ledger';

type Payable = { id: number; status: string; chargeMinor: number; chargeCurrency: string; gatewayPaymentId: string | null; orderId: number; orderNumber: string };

export type WalletPayment = 'paid' | 'already_paid';

/**
 * Pays something the order owes (the whole amount, in the order's charge currency at its pinned
 * rate: the amount was fixed when the request was made) from the owner's balance, in one
 * transaction: the row is locked, the wallet debited once (source `<kind>:<id>`), and the same
 * function a card payment's webhook calls marks it paid — so a second click waits for the first,
 * then answers `already_paid` and moves nothing. A balance that does not cover it is
 * `insufficient_funds` and nothing changes.
 */
async function payFromWallet(
  db: Database,
  what: { kind: 'price_difference' | 'service_charge'; lock: (tx: Executor) => Promise<Payable | undefined>; apply: (tx: Executor, paymentId: string) => Promise<boolean> },
  input: { userId: number; id: number; actor: Actor },
): Promise<WalletPayment> {
  const source = `${what.kind}:${input.id}`;
  return db.transaction(async (tx) => {
    const row = await what.lock(tx);
    if (!row) throw new AppError('not_found', 'Nothing to pay here');
    if (row.status !== 'open') {
      if (row.status === 'paid' && row.gatewayPaymentId === walletPaymentId(source)) return 'already_paid';
      throw new AppError('invalid_transition', 'This has already been settled');
    }
    const debited = await debitWallet(tx, 'spend', {
      userId: input.userId,
      currency: row.chargeCurrency,
      amountMinor: row.chargeMinor,
      source,
      // The order number alone: the note is shown to the shopper in every language.
      note: row.orderNumber,
      actor: input.actor,
    });
    if (debited === 'duplicate') return 'already_paid';
    if (!(await what.apply(tx, walletPaymentId(source)))) throw new AppError('invalid_transition', 'This has already been settled');
    await recordWalletLedger(tx, { orderId: row.orderId, userId: input.userId, kind: 'charge', source, amountMinor: row.chargeMinor, currency: row.chargeCurrency });
    await recordAudit(tx, input.actor, 'wallet.spent', { type: 'user', id: input.userId }, { for: source, orderNumber: row.orderNumber, amountMinor: row.chargeMinor, currency: row.chargeCurrency });
    return 'paid';
  });
}

/** "Pay from my balance" for a price-difference request of the shopper's own order. */
export function payDifferenceFromWallet(db: Database, input: { userId: number; differenceId: number; actor: Actor }): Promise<WalletPayment> {
  return payFromWallet(
    db,
    {
      kind: 'price_difference',
      lock: async (tx) =>
        (
          await tx
            .select({ id: priceDifferences.id, status: priceDifferences.status, chargeMinor: priceDifferences.chargeMinor, chargeCurrency: priceDifferences.chargeCurrency, gatewayPaymentId: priceDifferences.gatewayPaymentId, orderId: orders.id, orderNumber: orders.number })
            .from(priceDifferences)
            .innerJoin(orders, eq(orders.id, priceDifferences.orderId))
            .where(and(eq(priceDifferences.id, input.differenceId), eq(orders.userId, input.userId)))
            .for('update')
        )[0],
      apply: (tx, paymentId) => applyDifferencePayment(tx, { differenceId: input.differenceId, paymentId, actor: input.actor }),
    },
    { userId: input.userId, id: input.differenceId, actor: input.actor },
  );
}

/** "Pay from my balance" for a service charge (more QC photos) of the shopper's own order. */
export function payServiceChargeFromWallet(db: Database, input: { userId: number; serviceChargeId: number; actor: Actor }): Promise<WalletPayment> {
  return payFromWallet(
    db,
    {
      kind: 'service_charge',
      lock: async (tx) =>
        (
          await tx
            .select({ id: serviceCharges.id, status: serviceCharges.status, chargeMinor: serviceCharges.chargeMinor, chargeCurrency: serviceCharges.chargeCurrency, gatewayPaymentId: serviceCharges.gatewayPaymentId, orderId: orders.id, orderNumber: orders.number })
            .from(serviceCharges)
            .innerJoin(orders, eq(orders.id, serviceCharges.orderId))
            .where(and(eq(serviceCharges.id, input.serviceChargeId), eq(orders.userId, input.userId)))
            .for('update')
        )[0],
      apply: (tx, paymentId) => grantMorePhotos(tx, { serviceChargeId: input.serviceChargeId, paymentId, actor: input.actor }),
    },
    { userId: input.userId, id: input.serviceChargeId, actor: input.actor },
  );
}
