import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { syncFailures, syncRuns, type SyncRunStatus } from '@/db/schema/sync';
import type { BreakerState } from '@/lib/resilience/circuit-breaker';
import type { SyncCounters } from './types';

export type RunState = SyncCounters & { cursor: string | null; watermark: Date | null; total: number | null; breaker: BreakerState };

/** Thrown when the run's row was taken over (its heartbeat looked dead to another process). */
export class RunTakenOverError extends Error {
  constructor(runId: number) {
    super(`Sync run ${runId} was taken over by another process`);
    this.name = 'RunTakenOverError';
  }
}

/**
 * The run's row, written only by the process that owns it. Ownership is the last heartbeat this
 * process wrote: every write is `WHERE heartbeat_at = <ours>` and moves it forward, so once
 * another process declares the run dead and resumes it, this one's writes match nothing and it
 * stops instead of the two running side by side.
 */
export function createRunRecord(db: Database, runId: number, heartbeatAt: Date) {
  let owned = heartbeatAt;
  let writing: Promise<unknown> = Promise.resolve();

  const nextBeat = () => new Date(Math.max(Date.now(), owned.getTime() + 1));
  // Writes are serialised: the heartbeat timer and chunk commits never race on `owned`.
  const write = (set: Partial<typeof syncRuns.$inferInsert>, guardStatus = true) => {
    const job = writing.then(async () => {
      const beat = nextBeat();
      const [result] = await db
        .update(syncRuns)
        .set({ ...set, heartbeatAt: beat })
        .where(and(eq(syncRuns.id, runId), eq(syncRuns.heartbeatAt, owned), ...(guardStatus ? [eq(syncRuns.status, 'running')] : [])));
      if (result.affectedRows !== 1) throw new RunTakenOverError(runId);
      owned = beat;
    });
    writing = job.catch(() => undefined);
    return job;
  };

  return {
    runId,
    heartbeat: () => write({}),
    save: (state: RunState) => write(progressOf(state)),
    breaker: (breaker: BreakerState, retries: number) => write({ breaker, retries }),
    finish: (status: Exclude<SyncRunStatus, 'running'>, state: RunState, lastError: string | null) =>
      write({
        status,
        lastError,
        finishedAt: status === 'completed' ? new Date() : null,
        ...progressOf(state),
        cursor: status === 'completed' ? null : state.cursor,
      }),
    recordFailures: async (platform: string, failures: { sourceId: string; error: string }[]) => {
      if (failures.length > 0) await db.insert(syncFailures).values(failures.map((f) => ({ runId, platform, sourceId: f.sourceId.slice(0, 64), error: f.error.slice(0, 500) })));
    },
  };
}

export type RunRecord = ReturnType<typeof createRunRecord>;

/** The columns a run's progress is saved in, after every page and at the end. */
function progressOf(state: RunState) {
  const { cursor, watermark, total, pages, seen, created, updated, unchanged, failed, retries, breaker } = state;
  return { cursor, watermark, total, pages, seen, created, updated, unchanged, failed, retries, breaker };
}
