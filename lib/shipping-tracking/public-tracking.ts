import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shipments, trackingEvents } from '@/db/schema';
import { TRACKING_NUMBER_PATTERN, type TrackingStatus } from '@/lib/tracking';
import { carriers, isCarrierId } from './carriers';

/**
 * What anyone holding a tracking number may see: the carrier, the destination country and the
 * carrier's events. Deliberately nothing about the shopper, the address, the order or the parcel's
 * contents — the number is the only key, and numbers get shared and guessed.
 */
export type PublicTracking = {
  number: string;
  carrierName: string;
  country: string;
  status: TrackingStatus;
  subStatus: string;
  latestEventAt: Date | null;
  isStopped: boolean;
  /** Newest first. */
  events: { at: Date; status: TrackingStatus; subStatus: string; description: string; location: string | null }[];
};

/** Two queries by unique key and index; null for a number Ferry never dispatched (or one not shaped like a number). */
export async function getPublicTracking(db: Database, number: string): Promise<PublicTracking | null> {
  if (!TRACKING_NUMBER_PATTERN.test(number)) return null;
  const [shipment] = await db
    .select({ id: shipments.id, number: shipments.number, carrier: shipments.carrier, country: shipments.country, status: shipments.status, subStatus: shipments.subStatus, latestEventAt: shipments.latestEventAt, stoppedAt: shipments.stoppedAt })
    .from(shipments)
    .where(eq(shipments.number, number.toUpperCase()))
    .limit(1);
  if (!shipment) return null;
  const events = await db
    .select({ at: trackingEvents.at, status: trackingEvents.status, subStatus: trackingEvents.subStatus, description: trackingEvents.description, location: trackingEvents.location })
    .from(trackingEvents)
    .where(eq(trackingEvents.shipmentId, shipment.id))
    .orderBy(desc(trackingEvents.at), desc(trackingEvents.id))
    .limit(300);
  return {
    number: shipment.number,
    carrierName: isCarrierId(shipment.carrier) ? carriers[shipment.carrier].name : shipment.carrier,
    country: shipment.country,
    status: shipment.status,
    subStatus: shipment.subStatus,
    latestEventAt: shipment.latestEventAt,
    isStopped: shipment.stoppedAt !== null,
    events,
  };
}

/**
 * The language of a carrier's description, for its `lang` attribute (a screen reader then reads
 * Chinese as Chinese on a Japanese page). Carriers write in their own language or in English;
 * a script decides, and plain Latin text is taken as English.
 */
export function descriptionLanguage(text: string): string {
  if (/[\u3040-\u30ff]/u.test(text)) return 'ja';
  if (/[\uac00-\ud7af]/u.test(text)) return 'ko';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  return 'en';
}
