import 'server-only';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { shipments, trackingEvents } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { decideTrackingUpdate, type TrackingUpdate } from '@/lib/tracking';
import { recordShipmentFact } from './facts';
import { factForMove } from './status-facts';

export type ApplyOutcome = 'applied' | 'stopped' | 'not_newer' | 'unknown_number';

/**
 * Applies one verified 17TRACK update to its shipment in the caller's transaction (the stored
 * webhook's claim shares it). The shipment row is locked, so two updates of one number apply one
 * after the other. The newest-event rule decides (lib/tracking/decide-update.ts): an update whose
 * newest event is not newer than the stored one changes nothing (17TRACK sends the whole history
 * every time, so the newer update already holds the older one's events); otherwise its events are
 * added (each stored once) and the status moves, telling the move's fact. TRACKING_STOPPED marks
 * the shipment stopped and keeps all it had.
 */
export async function applyTrackingUpdate(tx: Executor, update: TrackingUpdate): Promise<ApplyOutcome> {
  const [shipment] = await tx
    .select({ id: shipments.id, parcelId: shipments.parcelId, status: shipments.status, latestEventAt: shipments.latestEventAt, stoppedAt: shipments.stoppedAt, deliveredAt: shipments.deliveredAt })
    .from(shipments)
    .where(eq(shipments.number, update.number))
    .for('update');
  if (!shipment) return 'unknown_number';
  const decision = decideTrackingUpdate({ latestEventAt: shipment.latestEventAt, isStopped: shipment.stoppedAt !== null, status: shipment.status }, update);
  if (!decision.isNewer) {
    if (!decision.stops) return 'not_newer';
    await tx.update(shipments).set({ stoppedAt: new Date(), version: sql`${shipments.version} + 1` }).where(eq(shipments.id, shipment.id));
    return 'stopped';
  }

  if (update.events.length > 0) {
    await tx
      .insert(trackingEvents)
      .values(
        update.events.map((event) => ({
          shipmentId: shipment.id,
          at: event.at,
          status: event.status,
          subStatus: event.subStatus.slice(0, 48),
          description: event.description,
          descriptionHash: descriptionHash(event.description, event.location),
          location: event.location,
        })),
      )
      .onDuplicateKeyUpdate({ set: { shipmentId: sql`${trackingEvents.shipmentId}` } });
  }
  const at = update.latestEventAt!;
  const fact = factForMove(shipment.status, update.status, shipment.deliveredAt !== null);
  await tx
    .update(shipments)
    .set({
      status: update.status,
      subStatus: update.subStatus.slice(0, 48),
      latestEventAt: at,
      ...(fact === 'shipment.delivered' ? { deliveredAt: at } : {}),
      ...(decision.stops ? { stoppedAt: new Date() } : {}),
      version: sql`${shipments.version} + 1`,
    })
    .where(eq(shipments.id, shipment.id));
  if (fact) await recordShipmentFact(tx, shipment.id, fact, { parcelId: shipment.parcelId, number: update.number, at: at.toISOString(), subStatus: update.subStatus });
  return decision.stops ? 'stopped' : 'applied';
}

/** Part of an event's identity: the same words at the same time and status are one event. */
export function descriptionHash(description: string, location: string | null): string {
  return createHash('sha256').update(`${description}\u0000${location ?? ''}`, 'utf8').digest('hex');
}
