import 'server-only';
import type { Redis } from '@upstash/redis';
import { databaseName, type Database } from '@/db/client';
import { invalidateCounters } from '@/lib/inventory/redis-stock';

/**
 * Drops the Redis stock counters of SKUs a sync changed, so the next reservation reloads them from
 * MySQL. Best effort: when Redis is unreachable it says so once and stops trying for the run (each
 * attempt would cost the client's timeout); the counters then heal within their TTL (an hour), and
 * checkout's database guard stays the authority meanwhile.
 */
export function createCounterDropper(db: Database, redis: Redis | null, warn: (line: string) => void) {
  let broken = redis === null;
  let dropped = 0;
  return {
    get dropped() {
      return dropped;
    },
    async drop(skuIds: readonly number[]): Promise<void> {
      if (broken || skuIds.length === 0) return;
      try {
        for (let i = 0; i < skuIds.length; i += 1000) await invalidateCounters(redis!, databaseName(db), skuIds.slice(i, i + 1000));
        dropped += skuIds.length;
      } catch (error) {
        broken = true;
        warn(`[sync] Redis stock counters not reset (${(error as Error).message}); they reload from MySQL within the hour`);
      }
    },
  };
}
