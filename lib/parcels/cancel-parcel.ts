import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcelItems } from '@/db/schema/parcels';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { creditWallet } from '@/lib/wallet/entries';
import { recordWalletLedger } from '@/lib/wallet/ledger';
import { parcelLedgerRates } from './ledger-rates';
import { lockParcel } from './mark-paid';
import { refuseOpenCardPayment } from './open-card-payment';
import type { ParcelOwner } from './owner';
import { moveParcel } from './parcel-machine';
import { moveParcelItems } from './parcel-items';

/**
 * Cancels an unpaid parcel (the shopper changed their mind, before or after its rehearsal packing):
 * `awaiting_payment` / `awaiting_rehearsal → cancelled`, its items
 * back `in_parcel → accepted` and free for another parcel (`active_item_id` cleared), and a part
 * already paid from the wallet returned to it once. Only the owner's parcel; a paid one cannot be.
 */
export async function cancelParcel(db: Database, input: { number: string; owner: ParcelOwner; actor: Actor }): Promise<void> {
  await db.transaction(async (tx) => {
    const parcel = await lockParcel(tx, { number: input.number });
    const isOwners = parcel && (input.owner.type === 'user' ? parcel.userId === input.owner.userId : parcel.partnerKeyId === input.owner.partnerKeyId);
    if (!parcel || !isOwners) throw new AppError('not_found', 'Parcel not found');
    if (parcel.status !== 'awaiting_payment' && parcel.status !== 'awaiting_rehearsal') throw new AppError('invalid_transition', 'Only a parcel that is not paid yet can be cancelled');
    refuseOpenCardPayment(parcel);
    if (!(await moveParcel(tx, { id: parcel.id, from: parcel.status, to: 'cancelled', actor: input.actor }))) throw new AppError('invalid_transition', 'The parcel changed meanwhile');
    await moveParcelItems(tx, parcel.id, 'in_parcel', 'accepted', input.actor, { parcelId: parcel.id, parcelNumber: parcel.number });
    await tx.update(parcelItems).set({ activeItemId: null }).where(eq(parcelItems.parcelId, parcel.id));
    if (parcel.walletPartMinor > 0 && parcel.userId !== null) {
      await creditWallet(tx, 'release', { userId: parcel.userId, currency: parcel.currency, amountMinor: parcel.walletPartMinor, source: `parcel:${parcel.id}`, note: parcel.number, actor: input.actor });
      await recordWalletLedger(tx, { orderId: null, userId: parcel.userId, kind: 'refund', source: `parcel:${parcel.id}`, amountMinor: parcel.walletPartMinor, currency: parcel.currency }, await parcelLedgerRates(tx, parcel));
    }
  });
}
