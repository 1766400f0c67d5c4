import 'server-only';
import type { Executor } from '@/lib/db/executor';
import { recordFact } from '@/lib/events/record-fact';

/**
 * Things that happen to a purchase order upstream without moving its own status, as the outbox
 * carries them to subscribers (lib/events):
 * - `purchase.shipped_upstream`: the seller sent the goods (`{ platform, upstreamOrderId, upstreamStatus, via, modifiedAt }`);
 *   the warehouse then reads the parcels' couriers and tracking numbers from the marketplace.
 * - `purchase.tracking_changed`: a parcel's tracking number was changed upstream (`{ platform, upstreamOrderId, from, to, changedAt }`);
 *   the warehouse reads the parcels again.
 */
export type PurchaseFact = 'purchase.shipped_upstream' | 'purchase.tracking_changed';

/** Appends the fact to the outbox in the caller's transaction (lib/events/record-fact). */
export function recordPurchaseFact(tx: Executor, purchaseOrderId: number, type: PurchaseFact, payload: Record<string, unknown>): Promise<void> {
  return recordFact(tx, { subjectType: 'purchase_order', subjectId: purchaseOrderId, orderId: null, type, payload });
}
