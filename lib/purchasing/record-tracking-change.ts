import 'server-only';
import { and, eq } from 'drizzle-orm';
import { purchaseEvents, purchaseOrders } from '@/db/schema';
import type { Executor } from '@/lib/inventory/db-stock';
import { recordPurchaseFact } from './record-purchase-fact';

export type TrackingChange = {
  platform: string;
  upstreamOrderId: string;
  oldTrackingNumber: string | null;
  newTrackingNumber: string | null;
  changedAt: Date;
  msgId?: string;
};

export type TrackingChangeOutcome = 'tracking_changed' | 'unknown_order';

/**
 * The marketplace says a parcel of this purchase order now travels under another tracking number.
 * Purchasing only records it (the trail for staff, and the `purchase.tracking_changed` fact); what
 * the new number means for the parcels expected is the warehouse's, which reads the order back.
 * Every delivery of the message is told: re-reading the order is idempotent, and a change that
 * arrives twice or out of order is settled by what the marketplace lists when it is read.
 */
export async function recordTrackingChange(tx: Executor, change: TrackingChange): Promise<TrackingChangeOutcome> {
  const [po] = await tx
    .select({ id: purchaseOrders.id })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.platform, change.platform), eq(purchaseOrders.upstreamOrderId, change.upstreamOrderId)));
  if (!po) return 'unknown_order';
  const details = {
    from: change.oldTrackingNumber,
    to: change.newTrackingNumber,
    changedAt: change.changedAt.toISOString(),
    ...(change.msgId ? { msgId: change.msgId } : {}),
  };
  await tx.insert(purchaseEvents).values({ purchaseOrderId: po.id, step: 'tracking_changed', actor: `push:${change.platform}`, details });
  await recordPurchaseFact(tx, po.id, 'purchase.tracking_changed', { platform: change.platform, upstreamOrderId: change.upstreamOrderId, ...details });
  return 'tracking_changed';
}
