import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { runCatalogSync } from '@/lib/catalog/sync/run-catalog-sync';
import type { SyncMode, SyncProgress, SyncSummary } from '@/lib/catalog/sync/types';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import type { PhaseResult } from './sync-report';
import type { Verification } from './sync-verify';

export type SyncSettings = { pageSize: number; chunkSize: number; concurrency: number; callsPerSecond: number };
type Base = { db: Database; redis: Redis; translator: TranslationProvider; settings: SyncSettings; log: (line: string) => void };
type Phase = {
  name: string;
  mode: SyncMode;
  offers: number;
  targetSeconds: number | null;
  /** The incremental run must update exactly this many products. */
  expectUpdated?: number;
  /** The circuit breaker must have opened (and closed again, or the run would not complete). */
  expectBreaker?: boolean;
  onProgress?: (p: SyncProgress) => void;
  beforeVerify?: () => Promise<unknown>;
};

/** One timed sync (a fresh run, never a resume) with its memory peak, progress on stderr, then the checks. */
export async function runPhase(base: Base, phase: Phase, verify: (summary: SyncSummary, offers: number) => Promise<Verification>): Promise<PhaseResult> {
  base.log(`${phase.name}: ${phase.mode} sync of ${phase.offers} offers`);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  let lastLine = 0;
  const started = performance.now();
  const summary = await runCatalogSync(base.db, base.redis, {
    platform: '1688',
    mode: phase.mode,
    resume: false,
    startedBy: 'bench',
    translator: base.translator,
    ...base.settings,
    onProgress: (p) => {
      phase.onProgress?.(p);
      if (p.event === 'breaker') base.log(`  breaker ${p.breaker} (retries ${p.retries})`);
      if (p.event === 'committed' && performance.now() - lastLine > 5000) {
        lastLine = performance.now();
        base.log(`  ${p.seen}/${p.total ?? '?'} listings, ${p.rate}/s, ETA ${p.etaSeconds ?? '?'} s, retries ${p.retries}, breaker ${p.breaker}`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  base.log(`  ${summary.status} in ${seconds.toFixed(1)} s: ${JSON.stringify(summary)}`);
  await phase.beforeVerify?.();
  const verification = await verify(summary, phase.offers);
  base.log(`  verified in ${verification.seconds.toFixed(1)} s: ${JSON.stringify({ ...verification, seconds: undefined })}`);

  const checks: PhaseResult['checks'] = [
    { name: 'run completed', pass: summary.status === 'completed' && summary.failed === 0, detail: `${summary.status}, ${summary.failed} failed${summary.lastError ? `, ${summary.lastError}` : ''}` },
    { name: 'no duplicates, no gaps', pass: verification.duplicates === 0 && verification.missing === 0 && verification.extra === 0, detail: `${verification.duplicates} duplicates, ${verification.missing} missing, ${verification.extra} unexpected` },
    { name: 'price and stock = upstream', pass: verification.mismatches.length === 0, detail: `${verification.sampled} offers sampled${verification.mismatches.length ? `: ${verification.mismatches.join('; ')}` : ''}` },
  ];
  if (phase.targetSeconds !== null) checks.push({ name: `within ${phase.targetSeconds} s`, pass: seconds <= phase.targetSeconds, detail: `${seconds.toFixed(1)} s` });
  if (phase.expectUpdated !== undefined) checks.push({ name: 'exactly the modified products updated', pass: summary.updated === phase.expectUpdated && summary.created === 0, detail: `${summary.updated} updated of ${phase.expectUpdated} modified, ${summary.seen} listed` });
  if (phase.expectBreaker) checks.push({ name: 'breaker opened, probed and closed', pass: summary.breakerOpens > 0 && summary.status === 'completed', detail: `opened ${summary.breakerOpens}×, ${summary.retries} retries` });
  return { name: phase.name, mode: phase.mode, offers: phase.offers, summary, seconds, peakRss, checks };
}
