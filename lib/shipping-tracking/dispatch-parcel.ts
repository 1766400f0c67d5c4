import 'server-only';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import type { CarrierId } from './carriers';
import { dispatchShipment, type DispatchInput } from './dispatch-shipment';

/**
 * What the parcels module gives dispatch: how to find a packed parcel by its number (its id,
 * destination, the line's carrier, the shopper's email and language, the label's contents), and
 * the move of the parcel to `shipped` inside the shipment's transaction (its `markParcelDispatched`).
 * Dispatch never reads or writes the parcels table itself.
 */
export type ParcelForDispatch = {
  parcelId: number;
  parcelNumber: string;
  country: string;
  carrier: CarrierId;
  notifyEmail: string | null;
  locale: string;
  label?: DispatchInput['label'];
};

export type ParcelDispatchHooks = {
  findParcel(db: Database, parcelNumber: string): Promise<ParcelForDispatch | null>;
  markParcelDispatched(tx: Executor, input: { parcelId: number; trackingNumber: string; carrier: CarrierId; actor: Actor }): Promise<{ status: string }>;
};

/** `ferry parcel dispatch`'s contract: `{"parcelNumber","status":"shipped","trackingNumber","carrier"}`. */
export async function dispatchParcel(db: Database, hooks: ParcelDispatchHooks, parcelNumber: string, actor: Actor) {
  const parcel = await hooks.findParcel(db, parcelNumber);
  if (!parcel) throw new AppError('not_found', `No parcel ${parcelNumber}`);
  let status = '';
  const dispatched = await dispatchShipment(db, {
    parcelId: parcel.parcelId,
    carrier: parcel.carrier,
    country: parcel.country,
    notifyEmail: parcel.notifyEmail,
    locale: parcel.locale,
    ...(parcel.label ? { label: parcel.label } : {}),
    inTransaction: async (tx, shipment) => {
      status = (await hooks.markParcelDispatched(tx, { parcelId: parcel.parcelId, trackingNumber: shipment.number, carrier: parcel.carrier, actor })).status;
    },
  });
  return { parcelNumber: parcel.parcelNumber, status, trackingNumber: dispatched.trackingNumber, carrier: dispatched.carrier };
}
