import 'server-only';
import { eq } from 'drizzle-orm';
import { parcels, type ParcelRow } from '@/db/schema/parcels';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { moveParcel } from './parcel-machine';

/** The parcel row locked for the rest of the caller's transaction. */
export async function lockParcel(tx: Executor, where: { id: number } | { number: string }): Promise<ParcelRow | null> {
  const [row] = await tx
    .select()
    .from(parcels)
    .where('id' in where ? eq(parcels.id, where.id) : eq(parcels.number, where.number))
    .for('update');
  return row ?? null;
}

/**
 * The parcel's price came in (a card webhook, or the wallet): `awaiting_payment → paid`, the paying
 * payment's id kept. A parcel packed in rehearsal was priced at its packed weight, so it goes on to
 * `ready_to_dispatch` in the same transaction: nothing is left to pack or settle. False when it was
 * not awaiting payment any more (a replay, a cancel first).
 */
export async function markParcelPaid(tx: Executor, input: { parcel: Pick<ParcelRow, 'id' | 'packedAt'>; paymentId: string; actor: Actor }): Promise<boolean> {
  const { parcel } = input;
  const paid = await moveParcel(tx, { id: parcel.id, from: 'awaiting_payment', to: 'paid', actor: input.actor, payload: { paymentId: input.paymentId }, set: { gatewayPaymentId: input.paymentId } });
  if (!paid) return false;
  if (parcel.packedAt) await moveParcel(tx, { id: parcel.id, from: 'paid', to: 'ready_to_dispatch', actor: input.actor, payload: { rehearsed: true } });
  return true;
}

/** The settlement top-up came in: `awaiting_topup → ready_to_dispatch`, the top-up marked paid. */
export function markTopupPaid(tx: Executor, input: { parcelId: number; paymentId: string; actor: Actor }): Promise<boolean> {
  return moveParcel(tx, {
    id: input.parcelId,
    from: 'awaiting_topup',
    to: 'ready_to_dispatch',
    actor: input.actor,
    payload: { paymentId: input.paymentId },
    set: { topupPaymentId: input.paymentId, topupPaidAt: new Date(), settlementStatus: 'paid' },
  });
}
