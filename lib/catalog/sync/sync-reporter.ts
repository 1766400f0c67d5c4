import type { SyncRunStatus } from '@/db/schema/sync';
import type { SupplierPlatform } from '@/lib/suppliers/types';
import type { SyncRunRow } from './claim-run';
import type { RunState } from './run-record';
import type { SyncProgress, SyncSummary } from './types';

type ReporterOptions = { run: SyncRunRow; resumed: boolean; state: RunState; onProgress?: (progress: SyncProgress) => void };

/**
 * Progress of one run as the CLI and the bench see it: counters from the run's state, the pace of
 * this process (listings per second since it started, so a resumed run's pace is not diluted by
 * the crash), and the time left at that pace.
 */
export function createSyncReporter({ run, resumed, state, onProgress }: ReporterOptions) {
  const started = performance.now();
  let seenHere = 0;
  const elapsed = () => (performance.now() - started) / 1000;
  const rate = () => (elapsed() > 0 ? seenHere / elapsed() : 0);
  const counters = () => ({
    pages: state.pages,
    seen: state.seen,
    created: state.created,
    updated: state.updated,
    unchanged: state.unchanged,
    failed: state.failed,
    retries: state.retries,
  });

  const progress = (event: SyncProgress['event'], status: SyncRunStatus, breakerOpens: number, lastError: string | null): SyncProgress => {
    const left = state.total === null ? null : Math.max(0, state.total - state.seen);
    return {
      ...counters(),
      runId: run.id,
      platform: run.platform as SupplierPlatform,
      mode: run.mode,
      event,
      status,
      resumed,
      total: state.total,
      breaker: state.breaker,
      breakerOpens,
      rate: Math.round(rate()),
      etaSeconds: left === null || rate() === 0 ? null : Math.round(left / rate()),
      elapsedSeconds: Math.round(elapsed() * 10) / 10,
      lastError,
    };
  };

  return {
    seen(n: number) {
      seenHere += n;
    },
    emit(event: SyncProgress['event'], breakerOpens: number) {
      onProgress?.(progress(event, 'running', breakerOpens, null));
    },
    finish(status: SyncRunStatus, lastError: string | null, retired: number, breakerOpens: number): SyncSummary {
      onProgress?.(progress('finished', status, breakerOpens, lastError));
      return {
        ...counters(),
        runId: run.id,
        platform: run.platform as SupplierPlatform,
        mode: run.mode,
        status,
        resumed,
        total: state.total,
        watermark: state.watermark?.toISOString() ?? null,
        retired,
        breakerOpens,
        seconds: Math.round(elapsed() * 100) / 100,
        rate: Math.round(rate()),
        lastError,
      };
    },
  };
}
