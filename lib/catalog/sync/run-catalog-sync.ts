import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { memoizeTranslations } from '@/lib/catalog/import/memo-translator';
import { cacheTags } from '@/lib/cache/tags';
import { getEnv } from '@/lib/env';
import { locales } from '@/lib/i18n/locales';
import { getTranslationProvider } from '@/lib/i18n/translate';
import { getConnector } from '@/lib/suppliers/registry';
import { claimRun, type SyncRunRow } from './claim-run';
import { describeError } from './describe-error';
import { importChunk } from './import-chunk';
import { retireUnlisted } from './retire-unlisted';
import { createRunRecord, RunTakenOverError, type RunState } from './run-record';
import { createCounterDropper } from './stock-counters';
import { createSyncReporter } from './sync-reporter';
import type { RunCatalogSyncOptions, SyncMode, SyncSummary } from './types';
import { createUpstreamGuard, defaultResilience } from './upstream-guard';
import { walkCatalog } from './walk-catalog';

const HEARTBEAT_MS = 10_000;
/** A full walk's watermark never passes its start (minus clock skew): changes made during the walk are walked again. */
const SKEW_MS = 5 * 60_000;

export type StartedSync = { runId: number; mode: SyncMode; resumed: boolean; done: Promise<SyncSummary> };

/**
 * Claims the platform's sync (throws AppError `conflict` when a live run holds it) and starts the
 * walk; `done` resolves with the run's summary whatever its outcome. The admin's action awaits
 * only the claim and returns; the CLI awaits `done` (see runCatalogSync).
 */
export async function startCatalogSync(db: Database, redis: Redis | null, options: RunCatalogSyncOptions): Promise<StartedSync> {
  const connector = options.connector ?? getConnector(options.platform);
  const translator = memoizeTranslations(options.translator ?? getTranslationProvider(getEnv()));
  const { run, resumed } = await claimRun(db, { platform: options.platform, mode: options.mode, resume: options.resume ?? true, startedBy: options.startedBy });
  const done = execute(db, redis, run, resumed, { ...options, connector, translator });
  return { runId: run.id, mode: run.mode, resumed, done };
}

/**
 * Walks the platform's catalog — everything, or what changed since the last completed run — into
 * the shadow, as one `sync_runs` row: `completed`, `failed` (resumable from its cursor) or
 * `interrupted` (by the signal, or found dead by a later start, which resumes it).
 */
export async function runCatalogSync(db: Database, redis: Redis | null, options: RunCatalogSyncOptions): Promise<SyncSummary> {
  return (await startCatalogSync(db, redis, options)).done;
}

async function execute(db: Database, redis: Redis | null, run: SyncRunRow, resumed: boolean, options: RunCatalogSyncOptions & Required<Pick<RunCatalogSyncOptions, 'connector' | 'translator'>>): Promise<SyncSummary> {
  const record = createRunRecord(db, run.id, run.heartbeatAt);
  const state: RunState = { ...run, breaker: 'closed' };
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  const report = createSyncReporter({ run, resumed, state, onProgress: options.onProgress });
  const counters = createCounterDropper(db, redis, (line) => console.warn(line));

  const guard = createUpstreamGuard({
    callsPerSecond: options.callsPerSecond ?? 20,
    resilience: { ...defaultResilience, ...options.resilience },
    onBreaker: (breaker) => {
      state.breaker = breaker;
      report.emit('breaker', guard.breaker.opens);
      record.breaker(breaker, state.retries).catch(() => undefined);
    },
    onRetry: () => {
      state.retries += 1;
      report.emit('retry', guard.breaker.opens);
    },
  });
  const heartbeat = setInterval(() => record.heartbeat().catch((error) => error instanceof RunTakenOverError && stop.abort(error)), HEARTBEAT_MS);
  heartbeat.unref?.();
  report.emit('started', 0);

  try {
    await walkCatalog({
      connector: options.connector,
      guard,
      cursor: run.cursor,
      modifiedSince: run.modifiedSince,
      pageSize: options.pageSize ?? 100,
      chunkSize: options.chunkSize ?? 500,
      concurrency: options.concurrency ?? 2,
      signal: stop.signal,
      importChunk: (chunk) => importChunk({ db, translator: options.translator, locales }, chunk.listings),
      async commit(chunk, { result, failures }) {
        const all = [...chunk.rejected, ...failures];
        await record.recordFailures(run.platform, all);
        Object.assign(state, {
          // The last chunk's null cursor would mean "start over" to a resume: keep the last real one.
          cursor: chunk.cursorAfter ?? state.cursor,
          total: chunk.total,
          pages: state.pages + chunk.pages,
          seen: state.seen + chunk.listings.length + chunk.rejected.length,
          created: state.created + result.created,
          updated: state.updated + result.updated,
          unchanged: state.unchanged + result.unchanged,
          failed: state.failed + all.length,
          watermark: latest(state.watermark, chunk.watermark, ...chunk.listings.map((l) => l.sourceUpdatedAt)),
        });
        await record.save(state);
        report.seen(chunk.listings.length + chunk.rejected.length);
        await counters.drop(result.stockChangedSkuIds);
        const tags = result.changedProductIds.map(cacheTags.product);
        if (result.created + result.updated > 0) tags.push(cacheTags.listing);
        if (tags.length > 0) options.revalidate?.(tags);
        report.emit('committed', guard.breaker.opens);
      },
    });
    let retired: number[] = [];
    if (run.mode === 'full') {
      retired = await retireUnlisted(db, run.platform, run.id, run.startedAt);
      if (retired.length > 0) options.revalidate?.([...retired.map(cacheTags.product), cacheTags.listing]);
      if (state.watermark) state.watermark = new Date(Math.min(state.watermark.getTime(), run.startedAt.getTime() - SKEW_MS));
    } else {
      state.watermark ??= run.modifiedSince;
    }
    await record.finish('completed', state, null);
    return report.finish('completed', null, retired.length, guard.breaker.opens);
  } catch (error) {
    const reason: unknown = stop.signal.aborted ? (stop.signal.reason ?? error) : error;
    if (reason instanceof RunTakenOverError || error instanceof RunTakenOverError) return report.finish('interrupted', describeError(reason), 0, guard.breaker.opens);
    const status = stop.signal.aborted ? 'interrupted' : 'failed';
    const lastError = stop.signal.aborted ? `Stopped: ${describeError(reason)}` : describeError(error);
    await record.finish(status, state, lastError).catch(() => undefined);
    return report.finish(status, lastError, 0, guard.breaker.opens);
  } finally {
    clearInterval(heartbeat);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function latest(...dates: (Date | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d.getTime() > best.getTime())) best = d;
  return best;
}
