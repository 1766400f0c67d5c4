import 'server-only';
import type { Redis } from '@upstash/redis';
import { asc } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { settleUpstreamStock, writeUpstreamStock, type Revalidate, type WrittenUpstreamStock } from '@/lib/inventory/apply-upstream-stock';
import { applyUpstreamOrderStatus } from '@/lib/purchasing/apply-upstream-order-status';
import { recordTrackingChange } from '@/lib/purchasing/record-tracking-change';
import { getConnector } from '@/lib/suppliers/registry';
import type { PushMessage, SupplierConnector, SupplierPlatform } from '@/lib/suppliers/types';
import { pendingWebhooksWhere, recordWebhookOutcome } from '@/lib/webhooks/pending-webhooks';
import { planStockChanges, type StockPush } from './plan-stock-changes';

export type PushBatchOptions = {
  platform?: SupplierPlatform;
  /** Events claimed per transaction. */
  limit?: number;
  /** Only events stored at least this long ago (the periodic job leaves fresh ones to `after()`). */
  olderThanMs?: number;
  revalidate?: Revalidate;
  /** Only these events (a retry of one event on its own). */
  eventIds?: readonly number[];
  /** Defaults to the registry's connector for the platform. */
  connector?: SupplierConnector;
};

export type PushBatchResult = { claimed: number; outcomes: Record<string, number>; skuIds: number[]; productIds: number[] };

/** Outcomes that mean "done as intended"; anything else is also written to the event's `error` column for staff. */
const successful = new Set(['applied', 'advanced', 'cancelled_upstream', 'tracking_changed']);
/** When one event has several readings, the best-informed outcome names it. */
const precedence = ['applied', 'tracking_changed', 'stale', 'unknown_sku', 'unknown_offer', 'unknown_order'];

/**
 * Step 5 of the webhook recipe, in batches: claims up to `limit` stored pushes in id order
 * (locked with FOR UPDATE SKIP LOCKED, so two workers never take the same event) and applies
 * them in the same transaction that sets their `processed_at`, so a crash leaves them for the
 * next run and none is applied twice.
 * Stock readings are reduced to the newest per SKU and written only where newer than the shadow;
 * order messages advance purchase orders forward only; a tracking number change is recorded by
 * purchasing for the warehouse to read. Each event's outcome is recorded. Only the
 * `supplier-push` consumer's rows are read.
 * After the commit the changed SKUs' Redis counters are dropped and product pages revalidated.
 */
export async function applyPushBatch(db: Database, redis: Redis | null, options: PushBatchOptions = {}): Promise<PushBatchResult> {
  const platform = options.platform ?? '1688';
  const connector = options.connector ?? getConnector(platform);
  const limit = options.limit ?? 500;
  let written: WrittenUpstreamStock | null = null;
  const outcomes: Record<string, number> = {};

  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: webhookEvents.id, payload: webhookEvents.payload })
      .from(webhookEvents)
      .where(pendingWebhooksWhere('supplier-push', { source: platform, olderThanMs: options.olderThanMs, ids: options.eventIds }))
      .orderBy(asc(webhookEvents.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;

    const byEvent = new Map<number, string[]>();
    const note = (eventId: number, outcome: string) => byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), outcome]);
    const stockPushes: StockPush[] = [];
    const orderPushes: { eventId: number; message: Extract<PushMessage, { kind: 'order' }> }[] = [];
    const trackingPushes: { eventId: number; message: Extract<PushMessage, { kind: 'tracking' }> }[] = [];
    for (const row of rows) {
      const message = readStoredPush(connector, row.payload);
      if (!message) note(row.id, 'invalid');
      else if (message.kind === 'stock' && message.changes.length === 0) note(row.id, 'empty');
      else if (message.kind === 'stock') stockPushes.push({ eventId: row.id, bornAt: message.bornAt, changes: message.changes });
      else if (message.kind === 'other') note(row.id, 'other_type');
      else if (message.kind === 'tracking') trackingPushes.push({ eventId: row.id, message });
      else orderPushes.push({ eventId: row.id, message });
    }
    // Statuses only move forward, so the order of application changes nothing but the locks:
    // every worker takes purchase orders in the same order, and two batches cannot deadlock.
    orderPushes.sort((a, b) => a.message.upstreamOrderId.localeCompare(b.message.upstreamOrderId) || a.eventId - b.eventId);
    for (const { eventId, message } of orderPushes) {
      const outcome = await applyUpstreamOrderStatus(tx, {
        platform,
        upstreamOrderId: message.upstreamOrderId,
        status: message.status,
        rawStatus: message.rawStatus,
        modifiedAt: message.bornAt,
        via: 'push',
        msgId: message.msgId,
      });
      note(eventId, outcome);
    }

    // After the status moves, so a parcel first told by its changed number follows its shipment.
    for (const { eventId, message } of trackingPushes) {
      for (const upstreamOrderId of message.upstreamOrderIds) {
        const change = { platform, upstreamOrderId, oldTrackingNumber: message.oldTrackingNumber, newTrackingNumber: message.newTrackingNumber, changedAt: message.bornAt, msgId: message.msgId };
        note(eventId, await recordTrackingChange(tx, change));
      }
    }

    const plan = planStockChanges(platform, stockPushes);
    written = await writeUpstreamStock(tx, plan.changes);
    written.outcomes.forEach((outcome, i) => note(plan.owners[i]!, outcome));
    for (const eventId of plan.superseded) note(eventId, 'stale');

    const settled = new Map<string, number[]>();
    for (const row of rows) {
      const noted = byEvent.get(row.id) ?? ['empty'];
      const outcome = precedence.find((o) => noted.includes(o)) ?? noted[0]!;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      settled.set(outcome, [...(settled.get(outcome) ?? []), row.id]);
    }
    // The claim: the rows are locked until the commit, and once it lands they are processed.
    const processedAt = new Date();
    for (const [outcome, ids] of settled) {
      await recordWebhookOutcome(tx, ids, { outcome, error: successful.has(outcome) ? null : `ignored: ${outcome}`, processedAt });
    }
    return rows.length;
  });

  const done = written as WrittenUpstreamStock | null;
  if (done) await settleUpstreamStock(db, redis, done, options.revalidate);
  return { claimed, outcomes, skuIds: done?.skuIds ?? [], productIds: done?.productIds ?? [] };
}

/** The stored delivery read back through the connector that verified it on arrival. */
function readStoredPush(connector: SupplierConnector, payload: string): PushMessage | null {
  try {
    const fields = JSON.parse(payload) as Record<string, string>;
    return connector.verifyPush(fields);
  } catch {
    return null;
  }
}
