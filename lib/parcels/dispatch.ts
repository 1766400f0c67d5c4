import 'server-only';
import { systemActor, type Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { moveParcel } from './parcel-machine';
import { deriveOrderShipped, moveParcelItems } from './parcel-items';

/**
 * Dispatch (the label and the carrier's number are made by the dispatch module, which calls this in
 * its transaction): `ready_to_dispatch → shipped` with the tracking number and carrier, every item
 * `in_parcel → shipped`, and each order whose live items are all out moves on to `shipped`. False
 * when the parcel was not ready (already shipped: nothing is written twice).
 */
export async function markParcelDispatched(tx: Executor, input: { parcelId: number; trackingNumber: string; carrier: string; actor: Actor }): Promise<boolean> {
  const moved = await moveParcel(tx, {
    id: input.parcelId,
    from: 'ready_to_dispatch',
    to: 'shipped',
    actor: input.actor,
    payload: { trackingNumber: input.trackingNumber, carrier: input.carrier },
    set: { trackingNumber: input.trackingNumber, carrier: input.carrier },
  });
  if (!moved) return false;
  const orderIds = await moveParcelItems(tx, input.parcelId, 'in_parcel', 'shipped', input.actor, { parcelId: input.parcelId, trackingNumber: input.trackingNumber });
  for (const orderId of orderIds) await deriveOrderShipped(tx, orderId, input.actor);
  return true;
}

export const trackingActor = systemActor('tracking');

/** The carrier delivered it: `shipped → delivered` at `at`, every item `shipped → delivered`. False when not shipped (a replay). */
export async function markParcelDelivered(tx: Executor, input: { parcelId: number; at: Date }): Promise<boolean> {
  // delivered_at is the carrier's time, not the moment the news arrived.
  const moved = await moveParcel(tx, { id: input.parcelId, from: 'shipped', to: 'delivered', actor: trackingActor, payload: { at: input.at.toISOString() }, set: { deliveredAt: input.at } });
  if (!moved) return false;
  await moveParcelItems(tx, input.parcelId, 'shipped', 'delivered', trackingActor, { parcelId: input.parcelId });
  return true;
}
