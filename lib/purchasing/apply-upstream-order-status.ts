import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { purchaseEvents, purchaseOrders } from '@/db/schema';
import type { Executor } from '@/lib/inventory/db-stock';
import { hasShippedUpstream, isForwardUpstreamStatus } from '@/lib/suppliers/upstream-status-rank';
import type { UpstreamOrderStatus } from '@/lib/suppliers/types';
import { recordPurchaseFact } from './record-purchase-fact';

/** What the upstream says about one of its orders, from a push message or the compensating poll. */
export type UpstreamOrderUpdate = {
  platform: string;
  upstreamOrderId: string;
  /** Null when the vendor's word is not one Ferry maps: recorded, never applied. */
  status: UpstreamOrderStatus | null;
  rawStatus: string;
  modifiedAt: Date;
  via: 'push' | 'poll';
  /** The push's msgId, for the trail. */
  msgId?: string;
  trackingNumbers?: string[];
};

export type UpstreamOrderOutcome = 'advanced' | 'cancelled_upstream' | 'unchanged' | 'unknown_order' | 'unknown_status';

export const CANCELLED_UPSTREAM = 'cancelled upstream';

/**
 * Moves a purchase order's upstream status forward, never back: a reordered, redelivered or polled
 * message older than what Ferry knows changes nothing, which makes pushes and the poll safe to
 * apply in any order and any number of times. Runs in the caller's transaction (the row is locked).
 * This is the only writer of `upstream_status`, `upstream_modified_at` and the upstream steps of
 * purchase_events; the purchase order's own status stays with lib/purchasing's state machine.
 * An upstream cancellation is not re-bought automatically: it sets `last_error` so staff see it.
 * Reaching a shipped status writes the `purchase.shipped_upstream` fact (lib/warehouse expects the parcels).
 * Orders Ferry does not know (placed by hand on the marketplace) are reported and ignored.
 */
export async function applyUpstreamOrderStatus(tx: Executor, update: UpstreamOrderUpdate): Promise<UpstreamOrderOutcome> {
  const [po] = await tx
    .select({ id: purchaseOrders.id, upstreamStatus: purchaseOrders.upstreamStatus, status: purchaseOrders.status })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.platform, update.platform), eq(purchaseOrders.upstreamOrderId, update.upstreamOrderId)))
    .for('update');
  if (!po) return 'unknown_order';
  const next = update.status;
  if (!next) return 'unknown_status';
  if (!isForwardUpstreamStatus(po.upstreamStatus, next)) return 'unchanged';

  const isCancelled = next === 'cancelled';
  await tx
    .update(purchaseOrders)
    .set({
      upstreamStatus: next,
      upstreamModifiedAt: sql`greatest(coalesce(${purchaseOrders.upstreamModifiedAt}, ${update.modifiedAt}), ${update.modifiedAt})`,
      ...(isCancelled ? { lastError: CANCELLED_UPSTREAM } : {}),
    })
    .where(eq(purchaseOrders.id, po.id));
  await tx.insert(purchaseEvents).values({
    purchaseOrderId: po.id,
    step: isCancelled ? 'upstream_cancelled' : 'upstream_status',
    actor: `${update.via}:${update.platform}`,
    details: {
      from: po.upstreamStatus,
      to: next,
      rawStatus: update.rawStatus,
      modifiedAt: update.modifiedAt.toISOString(),
      ...(update.msgId ? { msgId: update.msgId } : {}),
      ...(update.trackingNumbers?.length ? { trackingNumbers: update.trackingNumbers } : {}),
      ...(isCancelled ? { purchaseOrderStatus: po.status, needsStaff: true } : {}),
    },
  });
  // The first news that the goods left the seller (a push or the poll; received or completed when
  // the shipment itself was missed) is told once: the forward-only move above happens once per status.
  if (hasShippedUpstream(next) && !hasShippedUpstream(po.upstreamStatus)) {
    await recordPurchaseFact(tx, po.id, 'purchase.shipped_upstream', {
      platform: update.platform,
      upstreamOrderId: update.upstreamOrderId,
      upstreamStatus: next,
      via: update.via,
      modifiedAt: update.modifiedAt.toISOString(),
    });
  }
  if (isCancelled) console.warn(`[purchasing] upstream order ${update.platform}:${update.upstreamOrderId} was cancelled upstream; purchase order ${po.id} needs staff`);
  return isCancelled ? 'cancelled_upstream' : 'advanced';
}
