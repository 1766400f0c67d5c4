import 'server-only';
import type { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { settleRedis, type StockSettlement } from '@/lib/orders/transition-order';
import type { WebhookSweeper } from '@/lib/webhooks/consumers';
import { claimWebhook, listPendingWebhooks, recordWebhookOutcome } from '@/lib/webhooks/pending-webhooks';
import type { EventContext, HandlerResult } from './events/context';
import { onChargeRefunded } from './events/charge-refunded';
import { onPaymentFailed } from './events/payment-failed';
import { onPaymentSucceeded } from './events/payment-succeeded';
import { webhookEventSchema } from './webhook-event';


const handlers: Record<string, (ctx: EventContext, object: unknown) => Promise<HandlerResult>> = {
  'payment_intent.succeeded': onPaymentSucceeded,
  'payment_intent.payment_failed': onPaymentFailed,
  'charge.refunded': onChargeRefunded,
};

/**
 * Step 5 of the recipe: apply a stored event exactly once. The claim (`processed_at` set where it
 * is null, on a payments row only) and the handler's writes share one transaction, so a crash leaves
 * the event unclaimed for the sweeper and two workers cannot both apply it. The outcome is recorded
 * on the row; `error` keeps the ones finance must look at (an event for an unknown order).
 */
export async function processWebhookEvent(db: Database, redis: Redis | null, id: number): Promise<string> {
  let settlement: StockSettlement | undefined;
  let outcome = 'already_processed';
  try {
    await db.transaction(async (tx) => {
      if (!(await claimWebhook(tx, 'payments', id))) return;
      const [row] = await tx.select().from(webhookEvents).where(eq(webhookEvents.id, id));
      const event = webhookEventSchema.parse(JSON.parse(row!.payload));
      const handler = handlers[event.type];
      const result = handler ? await handler({ tx, source: row!.source, eventId: event.id }, event.data.object) : { outcome: 'ignored_type' };
      outcome = result.outcome;
      settlement = result.settlement;
      await recordWebhookOutcome(tx, [id], { outcome, error: outcome.startsWith('unknown') ? outcome : null });
    });
  } catch (error) {
    // Left unclaimed (the transaction rolled back); the sweeper retries it. Record why.
    await recordWebhookOutcome(db, [id], { outcome: 'failed', error: String((error as Error).message) }).catch(() => undefined);
    throw error;
  }
  await settleRedis(db, redis, settlement ?? null);
  return outcome;
}

/**
 * The payments consumer's sweeper: applies its events that were stored but not processed (a crash
 * after the 2xx, a failed handler). It reads only rows stored for `payments`.
 */
export async function processPendingWebhooks(db: Database, redis: Redis | null, olderThanMs = 5_000, limit = 100): Promise<number> {
  const ids = await listPendingWebhooks(db, 'payments', { olderThanMs, limit });
  let done = 0;
  for (const id of ids) {
    try {
      await processWebhookEvent(db, redis, id);
      done++;
    } catch (error) {
      console.error(`[payments] webhook event ${id} failed again:`, (error as Error).message);
    }
  }
  return done;
}

/** The payments module's entry in the webhook consumers' registry (lib/jobs/webhook-consumers.ts). */
export const paymentsWebhookSweeper: WebhookSweeper = {
  consumer: 'payments',
  sweep: (db, redis) => processPendingWebhooks(db, redis),
};
