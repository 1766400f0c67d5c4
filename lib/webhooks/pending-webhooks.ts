import 'server-only';
import { and, asc, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import type { WebhookConsumer } from './consumers';

export type PendingFilter = {
  /** Only this sender's rows (a marketplace consumer reads each platform through its connector). */
  source?: string;
  /** Only rows stored at least this long ago (fresh ones still belong to the route's `after()`). */
  olderThanMs?: number;
  /** Only these rows. */
  ids?: readonly number[];
};

/** `consumer = ? AND processed_at IS NULL …`: a consumer's unprocessed rows, and nobody else's. */
export function pendingWebhooksWhere(consumer: WebhookConsumer, filter: PendingFilter = {}): SQL {
  const conditions: SQL[] = [eq(webhookEvents.consumer, consumer), isNull(webhookEvents.processedAt)];
  if (filter.source !== undefined) conditions.push(eq(webhookEvents.source, filter.source));
  // Both sides in JS time: received_at is written from JS, and the database's clock zone may differ.
  if (filter.olderThanMs) conditions.push(lt(webhookEvents.receivedAt, new Date(Date.now() - filter.olderThanMs)));
  if (filter.ids) conditions.push(inArray(webhookEvents.id, [...filter.ids]));
  return and(...conditions)!;
}

/** Ids of a consumer's unprocessed rows, oldest first. */
export async function listPendingWebhooks(db: Database, consumer: WebhookConsumer, filter: PendingFilter & { limit: number }): Promise<number[]> {
  const rows = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(pendingWebhooksWhere(consumer, filter))
    .orderBy(asc(webhookEvents.id))
    .limit(filter.limit);
  return rows.map((row) => row.id);
}

/**
 * Claims one row for its consumer in the caller's transaction (`processed_at` set where it was
 * null): true for exactly one caller. Rolled back with the caller's work, so a crash leaves it
 * unclaimed for the sweeper. Another consumer's row is never claimed.
 */
export async function claimWebhook(tx: Executor, consumer: WebhookConsumer, id: number): Promise<boolean> {
  const [claim] = await tx
    .update(webhookEvents)
    .set({ processedAt: new Date() })
    .where(and(eq(webhookEvents.id, id), eq(webhookEvents.consumer, consumer), isNull(webhookEvents.processedAt)));
  return claim.affectedRows === 1;
}

const OUTCOME_MAX = 48; // webhook_events.outcome
const ERROR_MAX = 255; // webhook_events.error

/** What processing did to rows, and why where it was not what was intended (`error`, null when fine). */
export async function recordWebhookOutcome(tx: Executor, ids: readonly number[], result: { outcome: string; error: string | null; processedAt?: Date }): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(webhookEvents)
    .set({
      outcome: result.outcome.slice(0, OUTCOME_MAX),
      error: result.error === null ? null : result.error.slice(0, ERROR_MAX),
      ...(result.processedAt ? { processedAt: result.processedAt } : {}),
    })
    .where(inArray(webhookEvents.id, [...ids]));
}
