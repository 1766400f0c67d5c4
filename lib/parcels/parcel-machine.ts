import 'server-only';
import { parcels, type ParcelStatus } from '@/db/schema/parcels';
import type { Executor } from '@/lib/db/executor';
import { defineMachine } from '@/lib/state-machine/define-machine';
import { transitionInTx, type TransitionInput } from '@/lib/state-machine/transition-in-tx';
import { parcelTransitions } from './transitions';

/**
 * Parcels on lib/state-machine: each move is one compare-and-set on status and version, with its
 * outbox event (`subject_type = 'parcel'`) and audit record, in the caller's transaction. The
 * timestamps of a move ride along (`paid_at`, `packed_at`, …).
 */
export const parcelMachine = defineMachine({
  subject: 'parcel',
  table: parcels,
  idColumn: parcels.id,
  statusColumn: parcels.status,
  versionColumn: parcels.version,
  transitions: parcelTransitions,
  columns: ({ to }) => {
    const now = new Date();
    if (to === 'paid') return { paidAt: now };
    if (to === 'packed') return { packedAt: now };
    if (to === 'shipped') return { shippedAt: now };
    if (to === 'cancelled') return { cancelledAt: now };
    return {};
  },
});

export type ParcelMove = TransitionInput<typeof parcels, ParcelStatus>;

/** One parcel move inside the caller's transaction; false when someone else moved it first. */
export async function moveParcel(tx: Executor, input: ParcelMove): Promise<boolean> {
  return (await transitionInTx(tx, parcelMachine, input)).changed;
}
