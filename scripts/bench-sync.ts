/**
 * Catalog sync benchmark: `npm run bench:sync [-- --offers 100000] [--fault-offers 10000]`.
 *
 * `--no-append` prints the section without adding it to docs/benchmarks.md (trial runs).
 *
 * Starts the 1688 sandbox as a child process (ALIBABA_SANDBOX_OFFERS offers) and syncs it into
 * its own database (ferry_bench_sync, recreated; categories from the seed) through the real
 * connector, the real sync and Redis behind a private Upstash bridge:
 *   (a) a cold full sync into the empty catalog          — target ≤ 5 min for 100,000
 *   (b) a full sync again over the now-tracked catalog
 *   (c) 10% of the offers modified upstream, then an incremental sync — target ≤ 30 s
 *   (d) a full sync of a second, smaller catalog under injected faults (5% 5xx, the upstream
 *       limited to 3 calls/s while the sync asks 6, 20 ms latency, and 6 failing calls in a row
 *       that open the circuit breaker)
 * After each: no duplicates, no gaps, and the price and stock of every SKU of 2,000 offers equal
 * to the sandbox's. Appends the results to docs/benchmarks.md; exits non-zero when a check fails.
 */
import { parseArgs } from 'node:util';
import { Redis } from '@upstash/redis';
import { databaseFor } from '@/db/client';
import { dropDatabase, migrateDatabase } from '@/db/migrate';
import { seedCategories } from '@/lib/demo/seed';
import type { SyncProgress, SyncSummary } from '@/lib/catalog/sync/types';
import { getEnv } from '@/lib/env';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import { getConnector, resetConnectors } from '@/lib/suppliers/registry';
import { startBridge } from '@/sandboxes/upstash-bridge/bridge';
import { describeMachine, mib, stamp } from './bench/report';
import { ensureServices, onCleanup, runBench } from './bench/server';
import { writeSyncReport, type PhaseResult } from './bench/sync-report';
import { runPhase } from './bench/sync-phase';
import { startSandboxChild } from './bench/sync-sandbox';
import { verifyShadow } from './bench/sync-verify';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const SEED = 'ferry-demo';
const BRIDGE_TOKEN = 'ferry-bench-sync-token';
const settings = { pageSize: 100, chunkSize: 500, concurrency: 2, callsPerSecond: 50 };

async function freshDatabase(name: string) {
  const url = `mysql://root@127.0.0.1:3306/${name}`;
  await dropDatabase(url).catch(() => undefined);
  await migrateDatabase(url);
  const db = databaseFor(url);
  await seedCategories(db);
  return db;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { offers: { type: 'string', default: '100000' }, 'fault-offers': { type: 'string' }, 'no-append': { type: 'boolean', default: false } }, strict: true });
  const offers = Number(values.offers);
  if (!Number.isInteger(offers) || offers < 100 || offers > 100_000) throw new Error('--offers must be a whole number from 100 to 100000');
  const faultOffers = Number(values['fault-offers'] ?? Math.min(offers, 10_000));
  if (!Number.isInteger(faultOffers) || faultOffers < 100 || faultOffers > 100_000) throw new Error('--fault-offers must be a whole number from 100 to 100000');
  const startedAt = new Date();
  const machine = describeMachine();
  await ensureServices();

  const bridge = await startBridge({ port: 0, redisUrl: getEnv().REDIS_URL, token: BRIDGE_TOKEN });
  onCleanup(() => bridge.close());
  const redis = new Redis({ url: bridge.url, token: BRIDGE_TOKEN, enableTelemetry: false });
  const results: PhaseResult[] = [];
  const sample = Math.min(2000, offers);

  log(`sandbox with ${offers} offers (child process)`);
  const sandbox = await startSandboxChild(offers);
  process.env.ALIBABA_1688_BASE_URL = sandbox.url;
  resetConnectors();
  const connector = getConnector('1688');
  const db = await freshDatabase('ferry_bench_sync');
  const base = { db, redis, translator: offlineProvider, settings, log };
  const check = (summary: SyncSummary, n: number) => verifyShadow(db, connector, { offers: n, seed: SEED, sample: Math.min(sample, n) });

  results.push(await runPhase(base, { name: '(a) cold full sync', mode: 'full', offers, targetSeconds: offers === 100_000 ? 300 : null }, check));
  results.push(await runPhase(base, { name: '(b) full sync again', mode: 'full', offers, targetSeconds: null }, check));
  const modified = await sandbox.control('/__sandbox/modify', { fraction: 0.1 });
  log(`sandbox modified ${String(modified.modified)} offers`);
  results.push(await runPhase(base, { name: '(c) incremental after 10% modified', mode: 'incremental', offers, targetSeconds: offers === 100_000 ? 30 : null, expectUpdated: Number(modified.modified) }, check));
  const sandboxPeak = await sandbox.control('/__sandbox/stats').catch(() => ({}));
  await sandbox.stop();

  log(`fault run: sandbox with ${faultOffers} offers, 5% errors, upstream limit 3 calls/s, 20 ms latency, a 6-call outage`);
  const faulty = await startSandboxChild(faultOffers);
  process.env.ALIBABA_1688_BASE_URL = faulty.url;
  resetConnectors();
  const faultConnector = getConnector('1688');
  const faultDb = await freshDatabase('ferry_bench_sync_faults');
  await faulty.control('/__sandbox/faults', { errorRate: 0.05, latencyMs: 20, rate: 3 });
  let outage = false;
  const onProgress = (p: SyncProgress) => {
    if (!outage && p.pages >= 10) {
      outage = true;
      void faulty.control('/__sandbox/faults', { failNext: 6 });
    }
  };
  results.push(
    await runPhase(
      { ...base, db: faultDb, settings: { ...settings, callsPerSecond: 6 } },
      { name: '(d) full sync under faults', mode: 'full', offers: faultOffers, targetSeconds: null, expectBreaker: true, onProgress, beforeVerify: () => faulty.control('/__sandbox/faults', undefined, 'DELETE') },
      (_s, n) => verifyShadow(faultDb, faultConnector, { offers: n, seed: SEED, sample: Math.min(sample, n) }),
    ),
  );
  await faulty.stop();

  const pass = writeSyncReport({ append: !values['no-append'], startedAt: stamp(startedAt), machine, offers, faultOffers, settings, results, command: `npm run bench:sync${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}` });
  log(`sandbox stats: ${JSON.stringify(sandboxPeak).slice(0, 200)}; sync process peak RSS ${mib(Math.max(...results.map((r) => r.peakRss)))}`);
  return pass ? 0 : 1;
}

runBench(main);
