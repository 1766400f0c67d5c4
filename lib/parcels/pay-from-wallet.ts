import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcels } from '@/db/schema/parcels';
import { walletBalances } from '@/db/schema/wallet';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { debitWallet } from '@/lib/wallet/entries';
import { recordWalletLedger } from '@/lib/wallet/ledger';
import { parcelLedgerRates } from './ledger-rates';
import { lockParcel, markParcelPaid, markTopupPaid } from './mark-paid';
import { refuseOpenCardPayment } from './open-card-payment';

export type ParcelWalletPayment = { outcome: 'paid' | 'part_paid' | 'already_paid'; walletMinor: number; dueByCardMinor: number };

/**
 * Pays the shopper's own parcel from their balance in the parcel's currency, in one transaction
 * (the parcel row locked, the wallet debited once: source `parcel:<id>` / `parcel_topup:<id>`):
 * - an unpaid parcel: all of it when the balance covers it (→ paid); with `allowPart`, a smaller
 *   balance pays what it can and the card takes the rest (`wallet_part_minor`, the card payment is
 *   for the remainder; a cancel returns the part);
 * - a parcel awaiting its settlement top-up: the whole top-up (→ ready to dispatch).
 * A second click waits for the first and answers `already_paid`. A card payment still open for what
 * is due is refused (`conflict`): the caller withdraws it at the gateway first.
 */
export async function payParcelFromWallet(db: Database, input: { userId: number; number: string; actor: Actor; allowPart?: boolean }): Promise<ParcelWalletPayment> {
  return db.transaction(async (tx) => {
    const parcel = await lockParcel(tx, { number: input.number });
    if (!parcel || parcel.userId !== input.userId) throw new AppError('not_found', 'Parcel not found');
    if (parcel.status === 'awaiting_rehearsal') throw new AppError('invalid_transition', 'This parcel is packed for its rehearsal first: it can be paid once the warehouse has weighed and photographed it', { reason: 'awaiting_rehearsal' });
    const isTopup = parcel.status === 'awaiting_topup';
    if (!isTopup && parcel.status !== 'awaiting_payment') return { outcome: 'already_paid', walletMinor: 0, dueByCardMinor: 0 };
    const due = isTopup ? (parcel.settlementMinor ?? 0) : parcel.chargeMinor - parcel.walletPartMinor;
    const [balance] = await tx
      .select({ minor: walletBalances.balanceMinor })
      .from(walletBalances)
      .where(and(eq(walletBalances.userId, input.userId), eq(walletBalances.currency, parcel.currency)));
    const available = balance?.minor ?? 0;
    const isPart = available < due;
    if (isPart && (isTopup || !input.allowPart || available <= 0 || parcel.walletPartMinor > 0)) throw new AppError('insufficient_funds', 'Your balance does not cover this payment');
    refuseOpenCardPayment(parcel);
    const amountMinor = isPart ? available : due;
    // The rest after a part paid from the wallet is a movement of its own.
    const source = isTopup ? `parcel_topup:${parcel.id}` : parcel.walletPartMinor > 0 ? `parcel_rest:${parcel.id}` : `parcel:${parcel.id}`;
    const debited = await debitWallet(tx, 'spend', { userId: input.userId, currency: parcel.currency, amountMinor, source, note: parcel.number, actor: input.actor });
    if (debited === 'duplicate') return { outcome: 'already_paid', walletMinor: 0, dueByCardMinor: 0 };
    await recordWalletLedger(tx, { orderId: null, userId: input.userId, kind: 'charge', source, amountMinor, currency: parcel.currency }, await parcelLedgerRates(tx, parcel));
    await recordAudit(tx, input.actor, 'wallet.spent', { type: 'user', id: input.userId }, { for: source, parcelNumber: parcel.number, amountMinor, currency: parcel.currency });
    if (isPart) {
      await tx.update(parcels).set({ walletPartMinor: amountMinor }).where(eq(parcels.id, parcel.id));
      return { outcome: 'part_paid', walletMinor: amountMinor, dueByCardMinor: due - amountMinor };
    }
    const paymentId = `wallet:${source}`;
    const moved = isTopup
      ? await markTopupPaid(tx, { parcelId: parcel.id, paymentId, actor: input.actor })
      : await markParcelPaid(tx, { parcel, paymentId, actor: input.actor });
    if (!moved) throw new AppError('invalid_transition', 'The parcel changed meanwhile');
    return { outcome: 'paid', walletMinor: amountMinor, dueByCardMinor: 0 };
  });
}
