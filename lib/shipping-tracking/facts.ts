import 'server-only';
import type { Executor } from '@/lib/db/executor';
import { recordFact } from '@/lib/events/record-fact';

/**
 * What the shipments module tells others through the outbox (subject `shipment`, its id). Each
 * payload names the parcel (`parcelId`, null for a shipment created without one), the tracking
 * number and the carrier's time of the event (`at`, ISO). The parcels module delivers its parcel on
 * `shipment.delivered`; the shopper's tracking emails follow `dispatched`, `exception` and `delivered`.
 */
export const shipmentFacts = {
  dispatched: 'shipment.dispatched',
  inTransit: 'shipment.in_transit',
  exception: 'shipment.exception',
  delivered: 'shipment.delivered',
} as const;
export type ShipmentFactType = (typeof shipmentFacts)[keyof typeof shipmentFacts];

export type ShipmentFactPayload = { parcelId: number | null; number: string; at: string; subStatus: string };

export async function recordShipmentFact(tx: Executor, shipmentId: number, type: ShipmentFactType, payload: ShipmentFactPayload): Promise<void> {
  await recordFact(tx, { subjectType: 'shipment', subjectId: shipmentId, orderId: null, type, payload });
}
