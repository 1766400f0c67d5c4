import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements sent by this process for requests. Tests and benchmarks read it to prove how
 * many queries a page costs (the storefront budget: ≤ 3 on a cold cache, 0 on a warm one).
 * Background jobs run inside `uncounted()`, so their periodic queries do not land in a page's count.
 */
const globalForStats = globalThis as unknown as { __ferryQueries?: { count: number; background: AsyncLocalStorage<true> } };
const stats = (globalForStats.__ferryQueries ??= { count: 0, background: new AsyncLocalStorage<true>() });

export function countQuery(): void {
  if (stats.background.getStore()) return;
  stats.count += 1;
}

export function queryCount(): number {
  return stats.count;
}

/** Runs `work` without counting its queries (the server's periodic jobs). */
export function uncounted<T>(work: () => Promise<T>): Promise<T> {
  return stats.background.run(true, work);
}
