import { count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { products } from '@/db/schema/catalog';
import { syncRuns } from '@/db/schema/sync';
import { demoOfferId } from '@/lib/catalog/demo/ids';
import { runCatalogSync } from '@/lib/catalog/sync/run-catalog-sync';
import type { SyncProgress } from '@/lib/catalog/sync/types';
import { AppError } from '@/lib/errors';
import { countingTranslator, createSyncDatabase, SEED, shadowSkus, startSandbox } from '../support/catalog-sync-world';

/**
 * The sync when things go wrong: an upstream that fails, throttles and goes down for a moment; a
 * run killed half-way; a process that died holding the run; two starts at once. Each ends with
 * every offer present exactly once and equal to the upstream.
 */
const OFFERS = 300;
const offerIds = Array.from({ length: OFFERS }, (_, i) => demoOfferId(SEED, i));
const fast = { attempts: 10, baseDelayMs: 10, maxDelayMs: 100, failureThreshold: 3, coolDownMs: 100, maxCoolDownMs: 400 };
const options = { platform: '1688' as const, startedBy: 'test', pageSize: 25, chunkSize: 50, callsPerSecond: 200, resilience: fast };
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const databases: Awaited<ReturnType<typeof createSyncDatabase>>[] = [];

async function freshDatabase() {
  const database = await createSyncDatabase('ferry_test_sync_faults');
  databases.push(database);
  return database.db;
}

/** No duplicates (one row per offer), no gaps (every offer), and every SKU's numbers equal to the sandbox's. */
async function expectComplete(db: Awaited<ReturnType<typeof freshDatabase>>) {
  const [totals] = await db.select({ rows: count(), distinct: sql<number>`count(distinct ${products.sourceId})` }).from(products);
  expect(totals).toEqual({ rows: OFFERS, distinct: OFFERS });
  const held = await shadowSkus(db, offerIds);
  for (const offerId of offerIds.filter((_, i) => i % 10 === 0)) {
    const live = await sandbox.live(offerId);
    for (const sku of live.skus) expect(held.get(`${offerId}:${sku.skuId}`)).toMatchObject({ priceMinor: sku.priceFen, stock: sku.amountOnSale });
  }
}

beforeAll(async () => {
  sandbox = await startSandbox(OFFERS);
});
afterEach(async () => {
  await sandbox.control('DELETE', '/__sandbox/faults');
});
afterAll(async () => {
  await sandbox?.close();
  // drop() closes every pool, so drop the databases one after the other at the end.
  for (const database of databases) await database.drop();
});

describe('runCatalogSync under trouble', () => {
  it('rides out 5xx errors, upstream rate limits, latency and an outage: the breaker opens, probes and closes, nothing is skipped', async () => {
    const db = await freshDatabase();
    await sandbox.control('POST', '/__sandbox/faults', { errorRate: 0.15, latencyMs: 5, rate: 2 });
    const breaker: string[] = [];
    let outage = false;
    const summary = await runCatalogSync(db, null, {
      ...options,
      mode: 'full',
      // A generous retry budget: the upstream allows 2 calls a second, so on a busy machine a page
      // can meet several refusals in a row; the assertion is that it is retried, never skipped.
      resilience: { ...fast, attempts: 30 },
      translator: countingTranslator().provider,
      onProgress: (p: SyncProgress) => {
        if (p.event === 'breaker') breaker.push(p.breaker);
        if (!outage && p.pages >= 3) {
          outage = true;
          void sandbox.control('POST', '/__sandbox/faults', { failNext: 5 });
        }
      },
    });
    expect(summary, summary.lastError ?? '').toMatchObject({ status: 'completed', created: OFFERS, failed: 0, seen: OFFERS });
    expect(summary.retries).toBeGreaterThanOrEqual(5);
    expect(summary.breakerOpens).toBeGreaterThanOrEqual(1);
    expect(breaker.slice(0, 3)).toEqual(['open', 'half_open', breaker[2] === 'open' ? 'open' : 'closed']);
    expect(breaker.at(-1)).toBe('closed');
    const stats = await sandbox.control<{ errorsInjected: number; rateLimited: number }>('GET', '/__sandbox/stats');
    expect(stats.errorsInjected).toBeGreaterThan(0);
    expect(stats.rateLimited).toBeGreaterThan(0);
    const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId));
    expect(run).toMatchObject({ status: 'completed', breaker: 'closed', retries: summary.retries });
    await expectComplete(db);
  });

  it('fails a page that keeps failing (resumable), and the next start resumes it from its cursor', async () => {
    const db = await freshDatabase();
    let failing = false;
    const failed = await runCatalogSync(db, null, {
      ...options,
      mode: 'full',
      resilience: { ...fast, attempts: 3, failureThreshold: 10 },
      translator: countingTranslator().provider,
      onProgress: (p) => {
        if (!failing && p.event === 'committed' && p.pages >= 4) {
          failing = true;
          void sandbox.control('POST', '/__sandbox/faults', { errorRate: 1 });
        }
      },
    });
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/unavailable/);
    const [row] = await db.select().from(syncRuns).where(eq(syncRuns.id, failed.runId));
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.cursor).not.toBeNull();
    expect(row!.seen).toBeGreaterThan(0);
    expect(row!.seen).toBeLessThan(OFFERS);

    await sandbox.control('DELETE', '/__sandbox/faults');
    const resumed = await runCatalogSync(db, null, { ...options, mode: 'full', translator: countingTranslator().provider });
    expect(resumed).toMatchObject({ runId: failed.runId, resumed: true, status: 'completed', seen: OFFERS, created: OFFERS });
    await expectComplete(db);
  });

  it('resumes a run killed half-way from its cursor, and one whose process died (stale heartbeat)', async () => {
    const db = await freshDatabase();
    const stop = new AbortController();
    const killed = await runCatalogSync(db, null, {
      ...options,
      mode: 'full',
      concurrency: 2,
      signal: stop.signal,
      translator: countingTranslator().provider,
      onProgress: (p) => p.event === 'committed' && p.pages >= 4 && stop.abort(new Error('killed by the test')),
    });
    expect(killed).toMatchObject({ status: 'interrupted' });
    expect(killed.lastError).toMatch(/killed by the test/);
    const [interrupted] = await db.select().from(syncRuns).where(eq(syncRuns.id, killed.runId));
    expect(interrupted!.cursor).not.toBeNull();
    expect(interrupted!.seen).toBeLessThan(OFFERS);

    // Now as if its process had died while running: still `running`, heartbeat two minutes old.
    await db.update(syncRuns).set({ status: 'running', heartbeatAt: new Date(Date.now() - 120_000) }).where(eq(syncRuns.id, killed.runId));
    const seenBefore = interrupted!.seen;
    const resumed = await runCatalogSync(db, null, { ...options, mode: 'full', translator: countingTranslator().provider });
    expect(resumed).toMatchObject({ runId: killed.runId, resumed: true, status: 'completed', seen: OFFERS, failed: 0 });
    // Only what was left was walked again (the saved cursor never passes an unimported chunk).
    expect(resumed.created).toBe(OFFERS);
    expect(seenBefore).toBeGreaterThan(0);
    await expectComplete(db);
  });

  it('lets exactly one of four simultaneous starts run, and refuses a start while a live run holds the platform', async () => {
    const db = await freshDatabase();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => runCatalogSync(db, null, { ...options, mode: 'full', translator: countingTranslator().provider })));
    const ran = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ran).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).code).toBe('conflict');
    }
    expect(await db.select({ id: syncRuns.id }).from(syncRuns)).toHaveLength(1);
    await expectComplete(db);

    // A live run (fresh heartbeat) blocks the platform for anyone else.
    await db.insert(syncRuns).values({ platform: '1688', mode: 'full', status: 'running', startedBy: 'elsewhere', heartbeatAt: new Date(), startedAt: new Date() });
    await expect(runCatalogSync(db, null, { ...options, mode: 'incremental' })).rejects.toMatchObject({ code: 'conflict' });
    const [latest] = await db.select().from(syncRuns).orderBy(desc(syncRuns.id)).limit(1);
    expect(latest).toMatchObject({ status: 'running', startedBy: 'elsewhere' });
  });
});
