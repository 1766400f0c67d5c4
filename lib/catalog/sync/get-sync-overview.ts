import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { syncFailures, syncRuns } from '@/db/schema/sync';
import { STALE_HEARTBEAT_MS, type SyncRunRow } from './claim-run';
import type { SyncOverview, SyncRunView } from './overview-types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toRunView(run: SyncRunRow, now = Date.now()): SyncRunView {
  return {
    id: run.id,
    platform: run.platform,
    mode: run.mode,
    status: run.status,
    total: run.total,
    pages: run.pages,
    seen: run.seen,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    failed: run.failed,
    retries: run.retries,
    breaker: run.breaker,
    lastError: run.lastError,
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    heartbeatAt: run.heartbeatAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    modifiedSince: iso(run.modifiedSince),
    watermark: iso(run.watermark),
    isStale: run.status === 'running' && now - run.heartbeatAt.getTime() >= STALE_HEARTBEAT_MS,
  };
}

/**
 * What the admin sync page shows and polls: the platform's latest run (live counters, breaker,
 * last error), the one a "Resume" would continue, the recent runs, and the latest run's failures.
 * Plain JSON (ISO dates): it travels through the API route and the page's hydration alike.
 */
export async function getSyncOverview(db: Database, platform: string): Promise<SyncOverview> {
  const runs = await db.select().from(syncRuns).where(eq(syncRuns.platform, platform)).orderBy(desc(syncRuns.id)).limit(10);
  const recent = runs.map((r) => toRunView(r));
  const current = recent[0] ?? null;
  const resumable = current && (current.status === 'interrupted' || current.status === 'failed' || current.isStale) ? current : null;
  if (!current) return { platform, current, resumable, recent, failures: [], failureTotal: 0 };
  const [failures, [total]] = await Promise.all([
    db
      .select({ sourceId: syncFailures.sourceId, error: syncFailures.error, createdAt: syncFailures.createdAt })
      .from(syncFailures)
      .where(eq(syncFailures.runId, current.id))
      .orderBy(desc(syncFailures.id))
      .limit(100),
    db.select({ n: count() }).from(syncFailures).where(eq(syncFailures.runId, current.id)),
  ]);
  return { platform, current, resumable, recent, failures: failures.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })), failureTotal: total?.n ?? 0 };
}
