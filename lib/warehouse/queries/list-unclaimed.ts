import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { unclaimedInbounds } from '@/db/schema/warehouse';

export type UnclaimedParcel = { id: number; trackingNumber: string; weightGrams: number | null; receivedBy: string | null; createdAt: Date };

/** Parcels received under a number nobody expected, newest first, for staff to assign. */
export async function listUnclaimedParcels(db: Database, limit = 50): Promise<UnclaimedParcel[]> {
  return db
    .select({ id: unclaimedInbounds.id, trackingNumber: unclaimedInbounds.trackingNumber, weightGrams: unclaimedInbounds.weightGrams, receivedBy: unclaimedInbounds.receivedBy, createdAt: unclaimedInbounds.createdAt })
    .from(unclaimedInbounds)
    .where(eq(unclaimedInbounds.status, 'unclaimed'))
    .orderBy(desc(unclaimedInbounds.createdAt), desc(unclaimedInbounds.id))
    .limit(limit);
}
