import 'server-only';
import { and, asc, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shipments } from '@/db/schema';
import { trackingClient, TrackingServiceError, type TrackingClient } from '@/lib/tracking';
import { carriers, isCarrierId } from './carriers';

export type RegisterResult = { registered: string[]; failed: { number: string; reason: string }[] };

/** A number is tried this many times by the periodic job before staff must look at it (`register_error` says why). */
export const MAX_REGISTER_ATTEMPTS = 50;

/**
 * Registers shipments' numbers with 17TRACK (batches of 40 inside the client). A number 17TRACK
 * already tracks (`-18019901`) counts as registered. Numbers not registered keep `registered_at`
 * null with the reason in `register_error`, and registerPendingShipments tries them again. Numbers
 * Ferry has no shipment for are ignored. Never throws for 17TRACK's failures: they are recorded.
 */
export async function registerShipments(db: Database, numbers: readonly string[], client: TrackingClient = trackingClient()): Promise<RegisterResult> {
  if (numbers.length === 0) return { registered: [], failed: [] };
  const rows = await db
    .select({ id: shipments.id, number: shipments.number, carrier: shipments.carrier, parcelId: shipments.parcelId })
    .from(shipments)
    .where(and(inArray(shipments.number, [...new Set(numbers)]), isNull(shipments.registeredAt)));
  if (rows.length === 0) return { registered: [], failed: [] };
  const failed: { number: string; reason: string }[] = [];
  let registered: string[] = [];
  try {
    const answer = await client.register(
      rows.map((row) => ({
        number: row.number,
        ...(isCarrierId(row.carrier) ? { carrier: carriers[row.carrier].key } : {}),
        tag: row.parcelId === null ? `shipment-${row.id}` : `parcel-${row.parcelId}`,
      })),
    );
    registered = answer.registered.map((r) => r.number);
    failed.push(...answer.rejected.map((r) => ({ number: r.number, reason: `17TRACK ${r.code}: ${r.message}` })));
  } catch (error) {
    const reason = error instanceof TrackingServiceError ? error.message : 'register failed';
    if (!(error instanceof TrackingServiceError)) console.error('[shipping-tracking] register failed:', (error as Error).message);
    failed.push(...rows.map((row) => ({ number: row.number, reason })));
  }
  const known = new Set(rows.map((row) => row.number));
  registered = registered.filter((n) => known.has(n));
  if (registered.length > 0) {
    await db.update(shipments).set({ registeredAt: new Date(), registerError: null, registerAttempts: sql`${shipments.registerAttempts} + 1` }).where(inArray(shipments.number, registered));
  }
  // Numbers neither accepted nor rejected (a short answer) are failures too, so they are retried.
  const answered = new Set([...registered, ...failed.map((f) => f.number)]);
  for (const row of rows) if (!answered.has(row.number)) failed.push({ number: row.number, reason: '17TRACK did not answer for this number' });
  for (const failure of failed) {
    await db
      .update(shipments)
      .set({ registerError: failure.reason.slice(0, 255), registerAttempts: sql`${shipments.registerAttempts} + 1` })
      .where(and(inArray(shipments.number, [failure.number]), isNull(shipments.registeredAt)));
  }
  return { registered, failed };
}

/** The periodic job's part: numbers still unregistered (oldest first, at most `limit`) tried again. */
export async function registerPendingShipments(db: Database, { limit = 200, client }: { limit?: number; client?: TrackingClient } = {}): Promise<RegisterResult> {
  const rows = await db
    .select({ number: shipments.number })
    .from(shipments)
    .where(and(isNull(shipments.registeredAt), lt(shipments.registerAttempts, MAX_REGISTER_ATTEMPTS)))
    .orderBy(asc(shipments.id))
    .limit(limit);
  return registerShipments(
    db,
    rows.map((r) => r.number),
    client,
  );
}
