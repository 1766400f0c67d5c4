import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcels, type ParcelStatus } from '@/db/schema/parcels';
import { countOpenShipmentProblems, openShipmentProblems, type ShipmentProblem } from '@/lib/shipping-tracking/shipment-problems';

export type ParcelException = ShipmentProblem & { parcelNumber: string; parcelStatus: ParcelStatus };

/**
 * The board's exceptions tab: dispatched parcels whose carrier reports a problem (an exception, a
 * failed delivery, an expired tracking) that staff have not marked handled, newest problem first.
 * (A parcel cannot stay `packed`: packing moves it on to top-up or ready in the same transaction.)
 */
export async function parcelExceptions(db: Database, limit = 200): Promise<ParcelException[]> {
  const problems = await openShipmentProblems(db, limit);
  const ids = [...new Set(problems.map((p) => p.parcelId))];
  const rows = ids.length === 0 ? [] : await db.select({ id: parcels.id, number: parcels.number, status: parcels.status }).from(parcels).where(inArray(parcels.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return problems.flatMap((problem) => {
    const parcel = byId.get(problem.parcelId);
    return parcel ? [{ ...problem, parcelNumber: parcel.number, parcelStatus: parcel.status }] : [];
  });
}

/** The number on the exceptions tab. */
export const countParcelExceptions = (db: Database): Promise<number> => countOpenShipmentProblems(db);
