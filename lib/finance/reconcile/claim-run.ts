import 'server-only';
import { and, eq, lt, or } from 'drizzle-orm';
import { reconciliationRuns, type ReconciliationSource } from '@/db/schema';
import type { Database } from '@/lib/db';

/** A failed run, or one left running by a server that stopped, may be taken again by the daily job after this long. */
const RETRY_FAILED_AFTER_MS = 60 * 60_000;

export type RunKey = { day: string; gateway: string; source: ReconciliationSource };

/**
 * The run row of (day, gateway, source). `replace` (the CLI, finance asking again): the row is
 * reset to running and its diff will be replaced. `claim` (the daily job): only the server whose
 * INSERT created the row runs the day, so two servers never reconcile it twice; a run that failed
 * (or was left running by a server that stopped) an hour ago may be claimed again by compare-and-set. Null when there is nothing to do.
 */
export async function claimRun(db: Database, key: RunKey, mode: 'claim' | 'replace', fileName?: string): Promise<number | null> {
  const values = { ...key, status: 'running' as const, fileName: fileName ?? null, startedAt: new Date() };
  if (mode === 'replace') {
    await db
      .insert(reconciliationRuns)
      .values(values)
      .onDuplicateKeyUpdate({ set: { status: 'running', fileName: fileName ?? null, startedAt: values.startedAt, error: null } });
  } else {
    const [inserted] = await db.insert(reconciliationRuns).ignore().values(values);
    if (inserted.affectedRows !== 1) {
      const [retried] = await db
        .update(reconciliationRuns)
        .set({ status: 'running', startedAt: values.startedAt, error: null })
        .where(
          and(
            runWhere(key),
            or(
              and(eq(reconciliationRuns.status, 'failed'), lt(reconciliationRuns.finishedAt, new Date(Date.now() - RETRY_FAILED_AFTER_MS))),
              and(eq(reconciliationRuns.status, 'running'), lt(reconciliationRuns.startedAt, new Date(Date.now() - RETRY_FAILED_AFTER_MS))),
            ),
          ),
        );
      if (retried.affectedRows !== 1) return null;
    }
  }
  const [row] = await db.select({ id: reconciliationRuns.id }).from(reconciliationRuns).where(runWhere(key));
  return row?.id ?? null;
}

export function runWhere(key: RunKey) {
  return and(eq(reconciliationRuns.day, key.day), eq(reconciliationRuns.gateway, key.gateway), eq(reconciliationRuns.source, key.source));
}
