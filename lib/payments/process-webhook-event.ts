import type { Redis } from '@upstash/redis';
import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { settleRedis, type StockSettlement } from '@/lib/orders/transition-order';
import { supplierPlatforms } from '@/lib/suppliers/types';
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
 * is null) and the handler's writes share one transaction, so a crash leaves the event unclaimed
 * for the sweeper and two workers cannot both apply it.
 */
export async function processWebhookEvent(db: Database, redis: Redis | null, id: number): Promise<string> {
  let settlement: StockSettlement | undefined;
  let outcome = 'already_processed';
  try {
    await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(webhookEvents)
        .set({ processedAt: new Date() })
        .where(and(eq(webhookEvents.id, id), isNull(webhookEvents.processedAt)));
      if (claim.affectedRows !== 1) return;
      const [row] = await tx.select().from(webhookEvents).where(eq(webhookEvents.id, id));
      const event = webhookEventSchema.parse(JSON.parse(row!.payload));
      const handler = handlers[event.type];
      const result = handler ? await handler({ tx, source: row!.source, eventId: event.id }, event.data.object) : { outcome: 'ignored_type' };
      outcome = result.outcome;
      settlement = result.settlement;
      await tx.update(webhookEvents).set({ error: outcome.startsWith('unknown') ? outcome : null }).where(eq(webhookEvents.id, id));
    });
  } catch (error) {
    // Left unclaimed (the transaction rolled back); the sweeper retries it. Record why.
    await db
      .update(webhookEvents)
      .set({ error: String((error as Error).message).slice(0, 250) })
      .where(eq(webhookEvents.id, id))
      .catch(() => undefined);
    throw error;
  }
  await settleRedis(db, redis, settlement ?? null);
  return outcome;
}

/** Applies events that were stored but not processed (a crash after the 2xx, a failed handler). */
export async function processPendingWebhooks(db: Database, redis: Redis | null, olderThanMs = 5_000, limit = 100): Promise<number> {
  const rows = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        isNull(webhookEvents.processedAt),
        // Marketplace pushes share the table but have their own worker (lib/suppliers/push).
        notInArray(webhookEvents.source, [...supplierPlatforms]),
        lt(webhookEvents.receivedAt, sql`now(3) - interval ${olderThanMs * 1000} microsecond`),
      ),
    )
    .orderBy(asc(webhookEvents.id))
    .limit(limit);
  let done = 0;
  for (const { id } of rows) {
    try {
      await processWebhookEvent(db, redis, id);
      done++;
    } catch (error) {
      console.error(`[payments] webhook event ${id} failed again:`, (error as Error).message);
    }
  }
  return done;
}
