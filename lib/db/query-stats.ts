/**
 * Counts SQL statements sent by this process. Tests and benchmarks read it to prove how many queries
 * a page costs (the storefront budget: ≤ 3 on a cold cache, 0 on a warm one).
 */
const globalForStats = globalThis as unknown as { __ferryQueries?: { count: number } };
const stats = (globalForStats.__ferryQueries ??= { count: 0 });

export function countQuery(): void {
  stats.count += 1;
}

export function queryCount(): number {
  return stats.count;
}
