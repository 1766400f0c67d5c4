import { databaseFor } from '@/db/client';
import { uncounted } from '@/lib/db/query-stats';
import { getEnv } from '@/lib/env';
import { expireReservations } from '@/lib/inventory/expire-reservations';
import { processPendingWebhooks } from '@/lib/payments/process-webhook-event';
import { runPurchasingJob } from '@/lib/purchasing/run-purchasing';
import { getRedis } from '@/lib/redis';
import { runPushJobs } from '@/lib/suppliers/push/run-push-jobs';

const globalJobs = globalThis as unknown as { __ferryJobs?: NodeJS.Timeout };

/**
 * Periodic work of a single Ferry server: cancel unpaid orders whose reservation ran out, and
 * apply stored webhook events that were never processed. Both are idempotent (compare-and-set
 * and claimed events), so several servers may run them at once. FERRY_JOBS_INTERVAL_SECONDS=0
 * turns them off (for a server that should only serve pages).
 */
export function startBackgroundJobs(): void {
  const seconds = Number(process.env.FERRY_JOBS_INTERVAL_SECONDS ?? 15);
  if (!(seconds > 0) || globalJobs.__ferryJobs) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = databaseFor(getEnv().DATABASE_URL);
      const redis = getRedis();
      const { expired, applied } = await uncounted(async () => ({
        expired: await expireReservations(db, redis),
        applied: await processPendingWebhooks(db, redis),
      }));
      if (expired || applied) console.log(`[jobs] expired ${expired} reservations, applied ${applied} stored webhook events`);
      await uncounted(() => runPushJobs(db, redis)).catch((error: Error) => console.error('[jobs] marketplace push jobs failed:', error.message));
      await uncounted(() => runPurchasingJob(db, redis)).catch((error: Error) => console.error('[jobs] purchasing failed:', error.message));
    } catch (error) {
      console.error('[jobs] background run failed:', (error as Error).message);
    } finally {
      running = false;
    }
  };
  globalJobs.__ferryJobs = setInterval(tick, seconds * 1000);
  globalJobs.__ferryJobs.unref();
}
