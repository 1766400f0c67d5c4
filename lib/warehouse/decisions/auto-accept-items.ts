import 'server-only';
import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { itemNotices } from '@/db/schema/warehouse';
import { systemActor } from '@/lib/audit/actor';
import { recordFact } from '@/lib/events/record-fact';
import { getSettings } from '@/lib/settings/read-settings';
import { lockOrder } from '../derive-order-status';
import { moveItem } from '../item-machine';
import { QC_WARNING_NOTICE, withdrawOpenCharges } from './grant-more-photos';
import { autoAcceptAt, qcCutoffs, type QcWindowSettings } from './qc-window';

export const qcWindowActor = systemActor('qc-window');

const BATCH = 200;

export async function qcWindowSettings(db: Database): Promise<QcWindowSettings> {
  const settings = await getSettings(db);
  return { decisionHours: settings['warehouse.qcDecisionHours'], warningHours: settings['warehouse.qcWarningHours'] };
}

/**
 * The decision window's two steps, run by the background tick (idempotent; several servers may run
 * it at once):
 * 1. warn: each item in the warehouse whose window ends within `warningHours` gets one
 *    `item_notices` row (`qc_auto_accept`) — inserted first, so of two servers only one wins — and,
 *    in the same transaction, the `item.qc_warning` fact that the shopper's email is sent from;
 * 2. accept: items still in the warehouse whose window closed and whose warning (for this window,
 *    so sent after `qc_ready_at`) went out at least `warningHours` ago move to `accepted`
 *    (`decided_by = 'auto'`), each a compare-and-set: a shopper deciding at the same moment wins or
 *    loses cleanly. An item never warned is never accepted.
 */
export async function runQcWindow(db: Database, now: Date = new Date()): Promise<{ warned: number; accepted: number }> {
  const window = await qcWindowSettings(db);
  const cutoffs = qcCutoffs(window, now);

  const due = await db
    .select({ id: orderItems.id, orderId: orderItems.orderId, qcReadyAt: orderItems.qcReadyAt })
    .from(orderItems)
    .leftJoin(itemNotices, and(eq(itemNotices.orderItemId, orderItems.id), eq(itemNotices.kind, QC_WARNING_NOTICE)))
    .where(and(eq(orderItems.fulfilmentStatus, 'in_warehouse'), isNotNull(orderItems.qcReadyAt), lte(orderItems.qcReadyAt, cutoffs.warnReadyBefore), sql`${itemNotices.id} is null`))
    .limit(BATCH);
  let warned = 0;
  for (const item of due) {
    const isSent = await db.transaction(async (tx) => {
      const [inserted] = await tx.insert(itemNotices).ignore().values({ orderItemId: item.id, kind: QC_WARNING_NOTICE, sentAt: now });
      if (inserted.affectedRows !== 1) return false;
      await recordFact(tx, {
        subjectType: 'order_item',
        subjectId: item.id,
        orderId: item.orderId,
        type: 'item.qc_warning',
        payload: { itemId: item.id, acceptsAt: autoAcceptAt(item.qcReadyAt!, now, window).toISOString() },
      });
      return true;
    });
    if (isSent) warned += 1;
  }

  const ripe = await db
    .select({ id: orderItems.id, orderId: orderItems.orderId })
    .from(orderItems)
    .innerJoin(itemNotices, and(eq(itemNotices.orderItemId, orderItems.id), eq(itemNotices.kind, QC_WARNING_NOTICE)))
    .where(
      and(
        eq(orderItems.fulfilmentStatus, 'in_warehouse'),
        isNotNull(orderItems.qcReadyAt),
        lte(orderItems.qcReadyAt, cutoffs.acceptReadyBefore),
        lte(itemNotices.sentAt, cutoffs.acceptWarnedBefore),
        gte(itemNotices.sentAt, orderItems.qcReadyAt),
      ),
    )
    .limit(BATCH);
  let accepted = 0;
  for (const item of ripe) {
    const isMoved = await db.transaction(async (tx) => {
      await lockOrder(tx, item.orderId);
      const isAccepted = await moveItem(tx, {
        id: item.id,
        from: 'in_warehouse',
        to: 'accepted',
        actor: qcWindowActor,
        set: { decidedAt: now, decidedBy: 'auto' },
        payload: { orderId: item.orderId, itemId: item.id, decidedBy: 'auto' },
      });
      if (isAccepted) await withdrawOpenCharges(tx, item.id);
      return isAccepted;
    });
    if (isMoved) accepted += 1;
  }
  return { warned, accepted };
}
