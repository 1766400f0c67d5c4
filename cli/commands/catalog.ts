import { databaseFor } from '@/db/client';
import { runCatalogSync } from '@/lib/catalog/sync/run-catalog-sync';
import type { SyncProgress } from '@/lib/catalog/sync/types';
import { getEnv } from '@/lib/env';
import { getRedis } from '@/lib/redis';
import { deriveSupplierImages } from '@/lib/suppliers/derive-supplier-images';
import { hasConnector } from '@/lib/suppliers/registry';
import { supplierPlatforms, type SupplierPlatform } from '@/lib/suppliers/types';
import { CliError, usage } from '../errors';
import { cliRevalidator } from '../revalidator';
import type { Command } from './index';

const duration = (seconds: number | null) =>
  seconds === null ? '?' : seconds >= 3600 ? `${Math.floor(seconds / 3600)}h ${Math.round((seconds % 3600) / 60)}m` : seconds >= 60 ? `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s` : `${Math.round(seconds)}s`;

/** One progress line on stderr: at most once a second, and at once when the breaker moves. */
function progressPrinter() {
  let last = 0;
  return (p: SyncProgress) => {
    const now = Date.now();
    if (p.event !== 'breaker' && p.event !== 'finished' && p.event !== 'started' && now - last < 1000) return;
    last = now;
    const total = p.total === null ? '' : `/${p.total}`;
    const head = `catalog sync ${p.platform} ${p.mode} run ${p.runId}${p.resumed ? ' (resumed)' : ''}`;
    process.stderr.write(
      `${head}: ${p.status === 'running' ? p.event : p.status} · ${p.pages} pages · ${p.seen}${total} listings · ${p.rate}/s · ETA ${duration(p.etaSeconds)} · ` +
        `created ${p.created} updated ${p.updated} unchanged ${p.unchanged} failed ${p.failed} · breaker ${p.breaker} · retries ${p.retries}\n`,
    );
  };
}

function whole(value: string | boolean | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) usage(`catalog sync: --${name} must be a whole number from ${min} to ${max}`);
  return Number(value);
}

export const catalogSync: Command = {
  name: 'catalog sync',
  description: 'Sync the shadow catalog from the upstream: [--full|--incremental] [--platform 1688] [--page-size N] [--fresh] [--skip-images]; progress on stderr, summary JSON on stdout',
  options: {
    full: { type: 'boolean' },
    incremental: { type: 'boolean' },
    platform: { type: 'string' },
    'page-size': { type: 'string' },
    concurrency: { type: 'string' },
    'calls-per-second': { type: 'string' },
    fresh: { type: 'boolean' },
    'skip-images': { type: 'boolean' },
  },
  async run(values) {
    if (values.full && values.incremental) usage('catalog sync: choose --full or --incremental, not both');
    const platform = (values.platform ?? '1688') as SupplierPlatform;
    if (!supplierPlatforms.includes(platform)) usage(`catalog sync: --platform must be one of ${supplierPlatforms.join(', ')}`);
    if (!hasConnector(platform)) usage(`catalog sync: Ferry has no connector for ${platform} yet`);
    const pageSize = whole(values['page-size'], 'page-size', 1, 100);
    const concurrency = whole(values.concurrency, 'concurrency', 1, 8);
    const callsPerSecond = whole(values['calls-per-second'], 'calls-per-second', 1, 1000);

    const env = getEnv();
    const revalidator = cliRevalidator(env);
    // Ctrl-C stops after the chunks in flight are saved: the run is `interrupted` and the next start resumes it.
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      process.stderr.write(`catalog sync: ${signal}, stopping after the current pages (Ctrl-C again to quit at once)\n`);
      if (stop.signal.aborted) process.exit(130);
      stop.abort(new Error(`${signal} from the command line`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const summary = await runCatalogSync(databaseFor(env.DATABASE_URL), getRedis(), {
        platform,
        mode: values.full ? 'full' : 'incremental',
        resume: values.fresh !== true,
        pageSize,
        concurrency,
        callsPerSecond,
        startedBy: 'cli',
        signal: stop.signal,
        onProgress: progressPrinter(),
        revalidate: (tags) => revalidator.add(tags),
      });
      await revalidator.flush();
      if (summary.status !== 'completed') {
        // The summary still goes to stdout (scripts read the run id and counters), then a non-zero exit.
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        throw new CliError(`catalog sync ${summary.status}: ${summary.lastError ?? 'unknown error'} (run ${summary.runId}; run again to resume)`);
      }
      if (values['skip-images']) return summary;
      // New and changed listings' images (unchanged ones are never fetched again).
      process.stderr.write('catalog sync: deriving new and changed images\n');
      const images = await deriveSupplierImages(databaseFor(env.DATABASE_URL));
      process.stderr.write(`catalog sync: images ${images.processed} ready, ${images.failed} failed (listed on the admin's image page), ${images.fetched} originals downloaded, in ${images.seconds} s\n`);
      return { ...summary, images: { ready: images.processed, failed: images.failed, shared: images.reused, downloaded: images.fetched, seconds: images.seconds } };
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
