import 'server-only';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { parcels } from '@/db/schema/parcels';
import { systemActor } from '@/lib/audit/actor';
import { isAppError } from '@/lib/errors';
import { cancelParcel } from '@/lib/parcels/cancel-parcel';
import { getSettings } from '@/lib/settings/read-settings';
import type { GatewayDeps } from './registry';
import { withdrawParcelCardPayment } from './withdraw-parcel-payment';

const BATCH = 100;

/**
 * Cancels parcels left unpaid longer than `parcels.unpaidCancelAfterDays` (counted from creation, or
 * from the rehearsal packing that priced them), so their items are free for another parcel: a card
 * payment still open is withdrawn at the gateway first, and a parcel whose payment went through
 * meanwhile is left to its webhook. A wallet part already paid goes back (cancelParcel). Idempotent:
 * each cancel is a compare-and-set; several servers may run it. Returns how many were cancelled.
 */
export async function expireUnpaidParcels(db: Database, now: Date = new Date(), deps: GatewayDeps = {}): Promise<number> {
  const days = (await getSettings(db))['parcels.unpaidCancelAfterDays'];
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const due = await db
    .select()
    .from(parcels)
    .where(and(eq(parcels.status, 'awaiting_payment'), lt(sql`COALESCE(${parcels.packedAt}, ${parcels.createdAt})`, cutoff)))
    .orderBy(asc(parcels.id))
    .limit(BATCH);
  let cancelled = 0;
  for (const parcel of due) {
    const owner = parcel.userId !== null ? { type: 'user' as const, userId: parcel.userId } : { type: 'partner' as const, partnerKeyId: parcel.partnerKeyId! };
    try {
      await withdrawParcelCardPayment(db, parcel, deps);
      await cancelParcel(db, { number: parcel.number, owner, actor: systemActor('unpaid parcel expired') });
      cancelled += 1;
    } catch (error) {
      // Paid meanwhile, or the gateway is away: the next run looks again.
      if (!isAppError(error)) throw error;
    }
  }
  return cancelled;
}
