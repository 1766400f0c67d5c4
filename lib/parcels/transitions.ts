import type { ParcelStatus } from '@/db/schema/parcels';
import type { MachineTransition } from '@/lib/state-machine/table';

/**
 * A parcel's way, the only place it is written down (lib/parcels/parcel-machine.ts makes the moves):
 * awaiting_payment → paid → packed → (awaiting_topup →) ready_to_dispatch → shipped → delivered,
 * plus cancelled from awaiting_payment. With rehearsal packing the warehouse packs before the shopper
 * pays: awaiting_rehearsal → awaiting_payment (at the packed price) → paid → ready_to_dispatch, and
 * the shopper may still cancel after seeing the weight and photos. `null` permission: made by the
 * system (payments, settlement, dispatch, tracking) or by the shopper on their own parcel; packing
 * needs `parcels:pack`.
 */
export const parcelTransitions: readonly MachineTransition<ParcelStatus>[] = [
  { from: 'awaiting_rehearsal', to: 'awaiting_payment', event: 'parcel.rehearsed', permission: 'parcels:pack' },
  { from: 'awaiting_rehearsal', to: 'cancelled', event: 'parcel.cancelled', permission: null },
  { from: 'awaiting_payment', to: 'paid', event: 'parcel.paid', permission: null },
  { from: 'awaiting_payment', to: 'cancelled', event: 'parcel.cancelled', permission: null },
  { from: 'paid', to: 'packed', event: 'parcel.packed', permission: 'parcels:pack' },
  // Settlement right after packing: a heavier parcel waits for the shopper's top-up, any other is ready.
  { from: 'packed', to: 'awaiting_topup', event: 'parcel.topup_requested', permission: null },
  { from: 'packed', to: 'ready_to_dispatch', event: 'parcel.ready', permission: null },
  { from: 'awaiting_topup', to: 'ready_to_dispatch', event: 'parcel.topup_paid', permission: null },
  // A rehearsed parcel was paid at its packed price: nothing to pack or settle.
  { from: 'paid', to: 'ready_to_dispatch', event: 'parcel.ready', permission: null },
  // Dispatch and delivery (the label, the carrier's tracking).
  { from: 'ready_to_dispatch', to: 'shipped', event: 'parcel.shipped', permission: null },
  { from: 'shipped', to: 'delivered', event: 'parcel.delivered', permission: null },
];

/** Statuses in which a parcel still holds its items (every one but cancelled). */
export const liveParcelStatuses = ['awaiting_rehearsal', 'awaiting_payment', 'paid', 'packed', 'awaiting_topup', 'ready_to_dispatch', 'shipped', 'delivered'] as const satisfies readonly ParcelStatus[];
