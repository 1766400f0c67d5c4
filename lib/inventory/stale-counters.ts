import 'server-only';
import type { Redis } from '@upstash/redis';
import { asc, inArray, isNotNull, sql } from 'drizzle-orm';
import { databaseName, type Database } from '@/db/client';
import { skus } from '@/db/schema';
import { driverCode } from '@/lib/errors/http';
import { markOpenOrderSkus, recountCounters } from './recount-counters';

/**
 * Redis stock counters that may disagree with MySQL are marked on their SKU row
 * (`skus.counter_stale_at`) and recounted by the server's job once Redis answers. A mark that
 * cannot be written (the database is away too) waits in this process until it can.
 */
const globalForMarks = globalThis as unknown as { __ferryStaleCounters?: Map<string, Set<number>> };
const unwritten = (globalForMarks.__ferryStaleCounters ??= new Map());

/** Marks inside the caller's transaction (a checkout that ran without Redis). */
export function staleMark() {
  return { counterStaleAt: sql`now(3)` };
}

/** Marks these SKUs' counters for a recount; never throws (kept in memory while the database is away). */
export async function markCountersStale(db: Database, skuIds: readonly number[]): Promise<void> {
  if (skuIds.length === 0) return;
  try {
    await db.update(skus).set(staleMark()).where(inArray(skus.id, [...skuIds]));
  } catch (error) {
    console.warn(`[inventory] counters of SKU ${skuIds.join(',')} to recount once the database answers (${driverCode(error)})`);
    const scope = databaseName(db);
    const pending = unwritten.get(scope) ?? new Set<number>();
    for (const id of skuIds) pending.add(id);
    unwritten.set(scope, pending);
  }
}

/** SKU ids marked in this process but not yet written (tests and logs). */
export function unwrittenMarks(db: Database): number[] {
  return [...(unwritten.get(databaseName(db)) ?? [])];
}

const SENTINEL_VALUE = 'ferry';
/** Lives as long as Redis keeps its data: when it is missing, holds were lost with it. */
export const sentinelKey = (scope: string) => `inv:${scope}:alive`;

/**
 * The job's step: writes marks held in memory, notices when Redis lost its data (a restart without
 * persistence: every open order's hold is gone) and marks what those orders hold, then recounts up
 * to `limit` marked counters. Throws when the database or Redis cannot be reached (the next run
 * tries again; nothing is lost meanwhile).
 */
export async function repairStaleCounters(db: Database, redis: Redis, limit = 200): Promise<{ recounted: number; remaining: number }> {
  const scope = databaseName(db);
  const pending = [...(unwritten.get(scope) ?? [])];
  if (pending.length > 0) {
    await db.update(skus).set(staleMark()).where(inArray(skus.id, pending));
    for (const id of pending) unwritten.get(scope)?.delete(id);
  }
  if ((await redis.exists(sentinelKey(scope))) === 0) {
    const marked = await markOpenOrderSkus(db);
    if (marked > 0) console.warn(`[inventory] Redis has lost its stock data: recounting ${marked} SKUs held by open orders`);
    await redis.set(sentinelKey(scope), SENTINEL_VALUE);
  }
  const marked = await db.select({ id: skus.id }).from(skus).where(isNotNull(skus.counterStaleAt)).orderBy(asc(skus.counterStaleAt)).limit(limit);
  let remaining = 0;
  for (let i = 0; i < marked.length; i += 50) {
    const result = await recountCounters(db, redis, marked.slice(i, i + 50).map((r) => r.id));
    remaining += result.filter((r) => !r.isSettled).length;
  }
  return { recounted: marked.length, remaining };
}
