import 'server-only';
import type { Redis } from '@upstash/redis';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { syncRuns } from '@/db/schema/sync';
import { serverRevalidator } from '@/lib/cache/server-revalidator';
import { uncounted } from '@/db/query-stats';
import { AppError } from '@/lib/errors';
import type { SupplierPlatform } from '@/lib/suppliers/types';
import { startCatalogSync } from './run-catalog-sync';

export const syncIntents = ['full', 'incremental', 'resume'] as const;
export type SyncIntent = (typeof syncIntents)[number];

/**
 * Starts a sync inside the server process and returns once it is claimed (a live run of the
 * platform is a `conflict`), leaving the walk to run on: the admin page then follows it through
 * its `sync_runs` row. "Full" and "incremental" start afresh; "resume" continues the platform's
 * latest run when it was interrupted or failed.
 *
 * Cache tags go through the internal revalidation route at SITE_URL rather than revalidateTag:
 * the walk outlives the staff member's request, and a revalidateTag made after the request has
 * ended is never applied.
 */
export async function startSyncInBackground(db: Database, redis: Redis | null, request: { platform: SupplierPlatform; intent: SyncIntent; startedBy: string }) {
  let mode: 'full' | 'incremental' = request.intent === 'incremental' ? 'incremental' : 'full';
  if (request.intent === 'resume') {
    const [latest] = await db.select({ mode: syncRuns.mode, status: syncRuns.status }).from(syncRuns).where(eq(syncRuns.platform, request.platform)).orderBy(desc(syncRuns.id)).limit(1);
    if (!latest || latest.status === 'completed') throw new AppError('not_found', 'There is no interrupted or failed sync to resume');
    mode = latest.mode;
  }
  const revalidator = serverRevalidator();
  // Background work: its queries must not count against the request that started it.
  const started = await uncounted(() =>
    startCatalogSync(db, redis, {
      platform: request.platform,
      mode,
      resume: request.intent === 'resume',
      startedBy: request.startedBy,
      revalidate: (tags) => revalidator.add(tags),
    }),
  );
  void started.done
    .then(async (summary) => {
      await revalidator.flush();
      console.log(`[sync] run ${summary.runId} (${summary.platform} ${summary.mode}) ${summary.status}: ${summary.seen} seen, ${summary.created} created, ${summary.updated} updated, ${summary.failed} failed${summary.lastError ? ` — ${summary.lastError}` : ''}`);
    })
    .catch((error: unknown) => console.error('[sync] background run crashed:', error));
  return { runId: started.runId, mode: started.mode, resumed: started.resumed };
}
