import 'server-only';
import { orderEvents } from '@/db/schema/orders';
import type { Executor } from '@/lib/db/executor';

/**
 * Things that happen to a purchase order upstream without moving its own status, as the outbox
 * carries them to subscribers (lib/events):
 * - `purchase.shipped_upstream`: the seller sent the goods (`{ platform, upstreamOrderId, upstreamStatus, via, modifiedAt }`);
 *   the warehouse then reads the parcels' couriers and tracking numbers from the marketplace.
 */
export type PurchaseFact = 'purchase.shipped_upstream';

/** Appends the fact to the outbox in the caller's transaction, so it exists exactly when the change does. */
export async function recordPurchaseFact(tx: Executor, purchaseOrderId: number, type: PurchaseFact, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(orderEvents).values({ orderId: null, subjectType: 'purchase_order', subjectId: purchaseOrderId, type, fromStatus: null, toStatus: null, payload });
}
