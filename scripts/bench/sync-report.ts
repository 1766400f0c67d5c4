import type { SyncSummary } from '@/lib/catalog/sync/types';
import { appendBenchmarkSection, machineLines, markdownTable, mib, verdict, type Machine } from './report';
import type { SyncSettings } from './sync-phase';

export type PhaseResult = {
  name: string;
  mode: string;
  offers: number;
  summary: SyncSummary;
  seconds: number;
  peakRss: number;
  checks: { name: string; pass: boolean; detail: string }[];
};

type Report = { append: boolean; startedAt: string; machine: Machine; offers: number; faultOffers: number; settings: SyncSettings; results: PhaseResult[]; command: string };

/** Appends the sync benchmark's section to docs/benchmarks.md (and prints it); true when every check passed. */
export function writeSyncReport(r: Report): boolean {
  const lines = [
    `## ${r.startedAt} — catalog sync: ${r.offers.toLocaleString('en')} sandbox offers (cold, again, incremental) and ${r.faultOffers.toLocaleString('en')} under faults`,
    '',
    `- Command: \`${r.command}\``,
    ...machineLines(r.machine),
    `- The 1688 sandbox in a child process; the real connector, sync and import; MariaDB and Redis (Upstash bridge) local; offline translator`,
    `- Sync settings: page ${r.settings.pageSize} listings, import chunks of ${r.settings.chunkSize}, ${r.settings.concurrency} chunks imported while the next pages are fetched, ≤ ${r.settings.callsPerSecond} calls/s`,
    `- Faults in (d): 5% HTTP 5xx, the sandbox limited to 3 calls/s (the sync asks up to 6), 20 ms latency, and 6 failing calls in a row after page 10`,
    '',
    ...markdownTable(
      ['run', 'offers', 'seconds', 'products/s', 'created', 'updated', 'unchanged', 'failed', 'retries', 'breaker opens', 'peak RSS (sync process)'],
      r.results.map((p) => [p.name, p.offers, p.seconds.toFixed(1), Math.round(p.summary.seen / p.seconds), p.summary.created, p.summary.updated, p.summary.unchanged, p.summary.failed, p.summary.retries, p.summary.breakerOpens, mib(p.peakRss)]),
    ),
    '',
    ...markdownTable(
      ['run', 'check', 'result', 'detail'],
      r.results.flatMap((p) => p.checks.map((c) => [p.name, c.name, verdict(c.pass), c.detail])),
    ),
  ];
  if (r.append) appendBenchmarkSection(lines);
  process.stdout.write(`${lines.join('\n')}\n`);
  return r.results.every((p) => p.checks.every((c) => c.pass));
}
