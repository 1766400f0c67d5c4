import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, notExists, or, isNull, notInArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { settleRedis, transitionInTx } from '@/lib/orders/transition-order';
import { isLockConflict } from '@/lib/db/lock-conflict';

/**
 * Orders whose every line is settled move on: all bought (or some cancelled by the shopper) →
 * `purchased`, which consumes the bought units and returns the cancelled ones; all cancelled →
 * `refunded`. Called after a purchase order's lines changed, in a transaction of its own per order:
 * the order row is locked first and the lines read after that lock, so two purchase orders
 * finishing the same Ferry order at once cannot each miss the other's lines (REPEATABLE READ takes
 * its snapshot at the first plain read, which comes after the lock). Returns the orders moved.
 */
export async function completeOrders(db: Database, redis: Redis | null, orderIds: readonly number[], actor: Actor, payload: Record<string, unknown> = {}): Promise<number[]> {
  const moved: number[] = [];
  for (const orderId of [...new Set(orderIds)].sort((a, b) => a - b)) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const result = await db.transaction(async (tx) => {
          const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for('update');
          if (order?.status !== 'purchasing') return null;
          const lines = await tx.select({ status: orderItems.purchaseStatus }).from(orderItems).where(eq(orderItems.orderId, orderId));
          if (!lines.every((l) => l.status === 'purchased' || l.status === 'cancelled')) return null;
          const to = lines.some((l) => l.status === 'purchased') ? 'purchased' : 'refunded';
          return transitionInTx(tx, { orderId, from: 'purchasing', to, actor, payload });
        });
        if (result?.changed) {
          moved.push(orderId);
          await settleRedis(db, redis, result.settlement);
        }
        break;
      } catch (error) {
        // A deadlock with a claim touching the same order: nothing was written; try again.
        if (!isLockConflict(error) || attempt === 2) throw error;
      }
    }
  }
  return moved;
}

/**
 * Orders left `purchasing` with every line settled (a crash between a purchase and its completion):
 * the worker completes them on its next run.
 */
export async function completeSettledOrders(db: Database, redis: Redis | null, actor: Actor): Promise<number[]> {
  const open = db
    .select({ one: sql`1` })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orders.id), or(isNull(orderItems.purchaseStatus), notInArray(orderItems.purchaseStatus, ['purchased', 'cancelled']))));
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'purchasing'), notExists(open)))
    .limit(100);
  return rows.length ? completeOrders(db, redis, rows.map((r) => r.id), actor) : [];
}
