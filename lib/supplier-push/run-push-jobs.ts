import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { serverRevalidator } from '@/lib/cache/server-revalidator';
import type { WebhookSweeper } from '@/lib/webhooks/consumers';
import { drainPushQueue } from './drain-push-queue';
import { pollUpstreamOrdersIfDue } from './poll-upstream-orders-if-due';

/** Pushes stored but not applied this long after arrival are the sweeper's; younger ones belong to the route's `after()`. */
const LEFTOVER_AFTER_MS = 5_000;

/**
 * The `supplier-push` consumer's sweeper (lib/jobs/webhook-consumers.ts): applies its pushes left
 * over (a crash after the 2xx, a failed batch). Changed products' cache tags go through the
 * server's own revalidation route (there is no request here to revalidate in).
 */
export const supplierPushWebhookSweeper: WebhookSweeper = {
  consumer: 'supplier-push',
  sweep: (db, redis) => {
    const revalidator = serverRevalidator();
    return drainPushQueue(db, redis, { olderThanMs: LEFTOVER_AFTER_MS, revalidate: (tags) => revalidator.add(tags) });
  },
};

/** The periodic job's other share of marketplace sync: the compensating order poll, when it is due. */
export async function runUpstreamPollJob(db: Database, redis: Redis | null): Promise<number> {
  const polls = await pollUpstreamOrdersIfDue(db, redis);
  const polled = polls?.reduce((n, p) => n + p.known, 0) ?? 0;
  if (polled) console.log(`[jobs] polled ${polled} purchase orders upstream`);
  return polled;
}
