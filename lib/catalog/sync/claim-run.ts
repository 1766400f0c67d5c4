import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import type { Pool } from 'mysql2/promise';
import { databaseName, type Database } from '@/db/client';
import * as schema from '@/db/schema';
import { syncRuns, type SyncMode } from '@/db/schema/sync';
import { AppError } from '@/lib/errors';

export type SyncRunRow = typeof syncRuns.$inferSelect;
export type ClaimedRun = { run: SyncRunRow; resumed: boolean };

/** A running run whose heartbeat is older than this is taken for dead (its process crashed or was killed). */
export const STALE_HEARTBEAT_MS = 60_000;

type ClaimRequest = { platform: string; mode: SyncMode; resume: boolean; startedBy: string; now?: Date };

/**
 * Makes the caller the one runner of the platform's sync, or throws AppError `conflict` when a live
 * run holds it. Decided under a MariaDB named lock (GET_LOCK, per database and platform) held until
 * the claim is committed, so two starts — in one process or in two (the CLI and the admin) —
 * cannot both pass the check.
 *
 * Inside the lock: a `running` run with a stale heartbeat becomes `interrupted`; then the
 * platform's latest run of the mode is resumed (same row, same cursor and counters) when it was
 * interrupted or failed and `resume` is on; otherwise a new run starts. An incremental run starts
 * from the watermark of the last completed run, and becomes a full run when there is none.
 */
export async function claimRun(db: Database, request: ClaimRequest): Promise<ClaimedRun> {
  const lockName = `ferry:sync:${databaseName(db)}:${request.platform}`.slice(0, 64);
  // The named lock belongs to a connection, and must be let go only after the claim's writes are
  // committed (else a second claimer could read before they are visible): one pinned connection
  // takes the lock, runs the claim's transaction, then releases the lock.
  const connection = await (db as unknown as { $client: Pool }).$client.getConnection();
  try {
    const pinned = drizzle(connection, { schema, mode: 'default' }) as unknown as Database;
    const [lock] = (await pinned.execute(sql`select get_lock(${lockName}, 10) as got`))[0] as unknown as { got: number | null }[];
    if (Number(lock?.got) !== 1) throw new AppError('conflict', `Another process is starting a ${request.platform} sync; try again`);
    try {
      return await pinned.transaction((tx) => claimLocked(tx, request), { isolationLevel: 'read committed' });
    } finally {
      await pinned.execute(sql`select release_lock(${lockName})`);
    }
  } finally {
    connection.release();
  }
}

async function claimLocked(tx: Database, request: ClaimRequest): Promise<ClaimedRun> {
  const now = request.now ?? new Date();
  const { platform } = request;
  const running = await tx.select().from(syncRuns).where(and(eq(syncRuns.platform, platform), eq(syncRuns.status, 'running')));
  for (const run of running) {
    if (now.getTime() - run.heartbeatAt.getTime() < STALE_HEARTBEAT_MS) {
      throw new AppError('conflict', `A ${platform} sync is already running (run ${run.id})`, { runId: run.id });
    }
    await tx
      .update(syncRuns)
      .set({ status: 'interrupted', lastError: `No heartbeat since ${run.heartbeatAt.toISOString()}: the process running it stopped` })
      .where(and(eq(syncRuns.id, run.id), eq(syncRuns.status, 'running')));
  }

  const [lastCompleted] = await tx
    .select({ watermark: syncRuns.watermark })
    .from(syncRuns)
    .where(and(eq(syncRuns.platform, platform), eq(syncRuns.status, 'completed')))
    .orderBy(desc(syncRuns.id))
    .limit(1);
  // Nothing to be incremental from: the first sync of a platform walks everything.
  const mode: SyncMode = request.mode === 'incremental' && !lastCompleted?.watermark ? 'full' : request.mode;

  if (request.resume) {
    const [latest] = await tx.select().from(syncRuns).where(and(eq(syncRuns.platform, platform), eq(syncRuns.mode, mode))).orderBy(desc(syncRuns.id)).limit(1);
    if (latest && (latest.status === 'interrupted' || latest.status === 'failed')) {
      await tx
        .update(syncRuns)
        .set({ status: 'running', heartbeatAt: now, lastError: null, finishedAt: null, breaker: 'closed' })
        .where(and(eq(syncRuns.id, latest.id), inArray(syncRuns.status, ['interrupted', 'failed'])));
      return { run: { ...latest, status: 'running', heartbeatAt: now, lastError: null, finishedAt: null, breaker: 'closed' }, resumed: true };
    }
  }

  const modifiedSince = mode === 'incremental' ? (lastCompleted?.watermark ?? null) : null;
  const [inserted] = await tx
    .insert(syncRuns)
    .values({ platform, mode, status: 'running', modifiedSince, startedBy: request.startedBy.slice(0, 64), heartbeatAt: now, startedAt: now })
    .$returningId();
  const [run] = await tx.select().from(syncRuns).where(eq(syncRuns.id, inserted!.id));
  return { run: run!, resumed: false };
}
