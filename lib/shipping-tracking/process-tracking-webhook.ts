import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { parseTrackingWebhook } from '@/lib/tracking';
import type { WebhookSweeper } from '@/lib/webhooks/consumers';
import { claimWebhook, listPendingWebhooks, recordWebhookOutcome } from '@/lib/webhooks/pending-webhooks';
import { applyTrackingUpdate } from './apply-tracking-update';

/**
 * Step 5 of the recipe: a stored 17TRACK update applied exactly once. The claim and the update's
 * writes share one transaction: a crash leaves the row unclaimed for the sweeper. The outcome
 * (`applied`, `stopped`, `not_newer`, `unknown_number`) is recorded on the row; an update for a
 * number Ferry never dispatched keeps `unknown_number` as its error for staff.
 */
export async function processTrackingWebhook(db: Database, id: number): Promise<string> {
  let outcome = 'already_processed';
  try {
    await db.transaction(async (tx) => {
      if (!(await claimWebhook(tx, 'tracking', id))) return;
      const [row] = await tx.select({ payload: webhookEvents.payload }).from(webhookEvents).where(eq(webhookEvents.id, id));
      const parsed = parseTrackingWebhook(row!.payload);
      // Checked before it was stored; a row that no longer parses (a parser change) is kept, not applied.
      outcome = parsed.ok ? await applyTrackingUpdate(tx, parsed.update) : 'unreadable';
      await recordWebhookOutcome(tx, [id], { outcome, error: outcome === 'unknown_number' || outcome === 'unreadable' ? outcome : null });
    });
  } catch (error) {
    await recordWebhookOutcome(db, [id], { outcome: 'failed', error: String((error as Error).message) }).catch(() => undefined);
    throw error;
  }
  return outcome;
}

/** The tracking consumer's sweeper: stored updates the route's `after()` did not apply (a crash, a failure). */
export async function processPendingTrackingWebhooks(db: Database, olderThanMs = 5_000, limit = 500): Promise<number> {
  const ids = await listPendingWebhooks(db, 'tracking', { olderThanMs, limit });
  let done = 0;
  for (const id of ids) {
    try {
      await processTrackingWebhook(db, id);
      done++;
    } catch (error) {
      console.error(`[shipping-tracking] stored update ${id} failed again:`, (error as Error).message);
    }
  }
  return done;
}

export const trackingWebhookSweeper: WebhookSweeper = {
  consumer: 'tracking',
  sweep: (db) => processPendingTrackingWebhooks(db),
};
