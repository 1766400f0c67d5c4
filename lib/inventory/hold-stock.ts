import 'server-only';
import type { Redis } from '@upstash/redis';
import { databaseName, type Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import { sellableInDb } from './db-stock';
import { consumeInRedis, releaseInRedis, reserveInRedis, seedCounters, type StockLine } from './redis-stock';

export type RedisHold = {
  /** True when the units are held in Redis under the token (and must be released or consumed later). */
  held: boolean;
  /** Another submit with the same token already holds them (a double submit). */
  duplicate: boolean;
  /** Redis was unreachable: only the database guard checked stock. Slower, never oversold. */
  degraded: boolean;
};

/**
 * The Redis layer of a checkout: holds the units under the checkout token or says why not.
 * Counters missing from Redis are loaded from the database (set only if still absent) and the
 * reservation is tried again. A short counter is out_of_stock without touching MySQL.
 */
export async function holdInRedis(db: Database, redis: Redis | null, token: string, lines: readonly StockLine[]): Promise<RedisHold> {
  if (!redis) return { held: false, duplicate: false, degraded: true };
  const scope = databaseName(db);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const reply = await reserveInRedis(redis, scope, token, lines);
      if (reply.kind === 'ok') return { held: true, duplicate: false, degraded: false };
      if (reply.kind === 'duplicate') return { held: false, duplicate: true, degraded: false };
      if (reply.kind === 'short') {
        throw new AppError('out_of_stock', `Only ${reply.available} left of SKU ${reply.skuId}`, {
          skuId: reply.skuId,
          available: reply.available,
        });
      }
      await seedCounters(redis, scope, await sellableInDb(db, reply.skuIds));
    }
    throw new Error('stock counters vanished while loading');
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.warn(`[inventory] Redis unavailable, checking stock in the database only: ${(error as Error).message}`);
    return { held: false, duplicate: false, degraded: true };
  }
}

/** `failed`: Redis could not be reached, the hold is still there (the caller marks its counters stale). */
export type HoldSettlement = 'done' | 'absent' | 'failed';

/**
 * Returns a Redis hold's units (cancel, expiry, a failed database step). Never throws: if Redis is
 * down the answer is `failed` and the counter stays low (it can only refuse a sale, not oversell)
 * until the caller's stale mark gets it recounted (stale-counters.ts).
 */
export async function releaseRedisHold(redis: Redis | null, scope: string, token: string): Promise<HoldSettlement> {
  if (!redis) return 'failed';
  try {
    return (await releaseInRedis(redis, scope, token)) ? 'done' : 'absent';
  } catch (error) {
    console.warn(`[inventory] could not release Redis hold ${token}: ${(error as Error).message}`);
    return 'failed';
  }
}

export async function consumeRedisHold(redis: Redis | null, scope: string, token: string): Promise<HoldSettlement> {
  if (!redis) return 'failed';
  try {
    return (await consumeInRedis(redis, scope, token)) ? 'done' : 'absent';
  } catch (error) {
    console.warn(`[inventory] could not settle Redis hold ${token}: ${(error as Error).message}`);
    return 'failed';
  }
}
