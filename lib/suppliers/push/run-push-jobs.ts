import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { serverRevalidator } from '@/lib/cache/server-revalidator';
import { drainPushQueue } from './drain-push-queue';
import { pollUpstreamOrdersIfDue } from './poll-upstream-orders-if-due';

/** Pushes stored but not applied this long after arrival are the job's; younger ones belong to the route's `after()`. */
const LEFTOVER_AFTER_MS = 5_000;

/**
 * The periodic job's share of marketplace sync: applies pushes left over (a crash after the 2xx,
 * a failed batch) and runs the compensating poll when it is due. Changed products' cache tags go
 * through the server's own revalidation route (there is no request here to revalidate in).
 */
export async function runPushJobs(db: Database, redis: Redis | null): Promise<{ applied: number; polled: number }> {
  const revalidator = serverRevalidator();
  const applied = await drainPushQueue(db, redis, { olderThanMs: LEFTOVER_AFTER_MS, revalidate: (tags) => revalidator.add(tags) });
  const polls = await pollUpstreamOrdersIfDue(db, redis);
  const polled = polls?.reduce((n, p) => n + p.known, 0) ?? 0;
  if (applied || polled) console.log(`[jobs] applied ${applied} leftover marketplace pushes, polled ${polled} purchase orders upstream`);
  return { applied, polled };
}
