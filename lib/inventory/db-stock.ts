import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { skus } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import type { StockLine } from './redis-stock';

export type { Executor };

/** SKU ids in ascending order, so concurrent transactions lock rows in the same order and cannot deadlock. */
function ordered(lines: readonly StockLine[]): StockLine[] {
  return [...lines].sort((a, b) => a.skuId - b.skuId);
}

/**
 * Layer three: withhold units with a guarded update, `reserved + q` only `WHERE stock − reserved ≥ q`.
 * InnoDB row locks make the check and the write one step, so stock never goes negative whatever
 * the cache said. Throws out_of_stock (and the caller's transaction rolls back) on the first short line.
 */
export async function withholdInDb(tx: Executor, lines: readonly StockLine[], options: { isCounterStale?: boolean } = {}): Promise<void> {
  for (const line of ordered(lines)) {
    const [result] = await tx
      .update(skus)
      // Without Redis the counter missed these units: the same update marks it for a recount (stale-counters.ts).
      .set({ reserved: sql`${skus.reserved} + ${line.quantity}`, ...(options.isCounterStale ? { counterStaleAt: sql`now(3)` } : {}) })
      .where(and(eq(skus.id, line.skuId), sql`${skus.stock} - ${skus.reserved} >= ${line.quantity}`));
    if (result.affectedRows !== 1) {
      const [row] = await tx.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, line.skuId));
      const available = row ? Math.max(0, row.stock - row.reserved) : 0;
      throw new AppError('out_of_stock', `Only ${available} left of SKU ${line.skuId}`, { skuId: line.skuId, available });
    }
  }
}

/** Gives withheld units back (cancelled, expired, refunded before purchase). */
export async function releaseInDb(tx: Executor, lines: readonly StockLine[]): Promise<void> {
  for (const line of ordered(lines)) {
    await tx
      .update(skus)
      .set({ reserved: sql`greatest(${skus.reserved} - ${line.quantity}, 0)` })
      .where(eq(skus.id, line.skuId));
  }
}

/** The units were bought upstream: they leave the shadow stock and stop being withheld. */
export async function consumeInDb(tx: Executor, lines: readonly StockLine[]): Promise<void> {
  for (const line of ordered(lines)) {
    await tx
      .update(skus)
      .set({
        stock: sql`greatest(${skus.stock} - ${line.quantity}, 0)`,
        reserved: sql`greatest(${skus.reserved} - ${line.quantity}, 0)`,
      })
      .where(eq(skus.id, line.skuId));
  }
}

/** Units sellable now (stock − reserved) per SKU. */
export async function sellableInDb(db: Executor, skuIds: readonly number[]): Promise<Map<number, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .select({ id: skus.id, stock: skus.stock, reserved: skus.reserved })
    .from(skus)
    .where(inArray(skus.id, [...skuIds]));
  return new Map(rows.map((r) => [r.id, Math.max(0, r.stock - r.reserved)]));
}
