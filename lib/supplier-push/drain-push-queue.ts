import 'server-only';
import type { Redis } from '@upstash/redis';
import { databaseName, type Database } from '@/db/client';
import { claimWebhook, listPendingWebhooks, recordWebhookOutcome } from '@/lib/webhooks/pending-webhooks';
import { applyPushBatch, type PushBatchOptions } from './apply-push-batch';

/**
 * Applies stored pushes batch after batch until none is left. If a batch fails, its events are
 * retried one by one, and an event that fails twice on its own is set aside (processed, with the
 * error) so that one bad message cannot hold back every message stored after it. Safe to run on
 * several servers at once (batches claim with SKIP LOCKED). Returns the number of events applied.
 */
export async function drainPushQueue(db: Database, redis: Redis | null, options: PushBatchOptions = {}): Promise<number> {
  const limit = options.limit ?? 500;
  let total = 0;
  for (;;) {
    let claimed: number;
    try {
      claimed = (await applyPushBatch(db, redis, { ...options, limit })).claimed;
    } catch (error) {
      console.error(`[push] batch failed, applying its events one by one: ${(error as Error).message}`);
      claimed = await applyOneByOne(db, redis, { ...options, limit });
    }
    total += claimed;
    if (claimed < limit) return total;
  }
}

async function applyOneByOne(db: Database, redis: Redis | null, options: PushBatchOptions & { limit: number }): Promise<number> {
  const platform = options.platform ?? '1688';
  const pending = await listPendingWebhooks(db, 'supplier-push', { source: platform, limit: options.limit });
  let claimed = 0;
  for (const id of pending) {
    let lastError: unknown;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        claimed += (await applyPushBatch(db, redis, { ...options, eventIds: [id], limit: 1 })).claimed;
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError === undefined) continue;
    const message = String((lastError as Error).message).slice(0, 200);
    console.error(`[push] event ${id} set aside after failing twice: ${message}`);
    await db.transaction(async (tx) => {
      if (await claimWebhook(tx, 'supplier-push', id)) await recordWebhookOutcome(tx, [id], { outcome: 'failed', error: `failed: ${message}` });
    });
    claimed++;
  }
  return claimed;
}

type Drain = { running: Promise<number> | null; again: boolean };
const drains = ((globalThis as unknown as { __ferryPushDrains?: Map<string, Drain> }).__ferryPushDrains ??= new Map());

/**
 * What the webhook route runs after answering. Pushes arriving while this process is already
 * draining join that drain (it goes round once more) instead of each opening its own transaction:
 * under a storm one loop claims everything stored meanwhile, so an event waits at most about two
 * batches. Resolves when the drain that covers the caller's event is over.
 */
export function kickPushWorker(db: Database, redis: Redis | null, options: PushBatchOptions = {}): Promise<number> {
  const key = `${databaseName(db)}:${options.platform ?? '1688'}`;
  const drain = drains.get(key) ?? { running: null, again: false };
  drains.set(key, drain);
  if (drain.running) {
    drain.again = true;
    return drain.running;
  }
  drain.running = (async () => {
    let total = 0;
    try {
      do {
        drain.again = false;
        total += await drainPushQueue(db, redis, options);
      } while (drain.again);
      return total;
    } finally {
      drain.running = null;
    }
  })();
  return drain.running;
}
