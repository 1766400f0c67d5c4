import 'server-only';
import type { Redis } from '@upstash/redis';
import { databaseName, type Database } from '@/db/client';
import type { OrderStatus } from '@/db/schema';
import type { Executor } from '@/lib/db/executor';
import { AppError } from '@/lib/errors';
import { consumeRedisHold, releaseRedisHold } from '@/lib/inventory/hold-stock';
import { invalidateCounters } from '@/lib/inventory/redis-stock';
import { transitionInTx as moveInTx } from '@/lib/state-machine/transition-in-tx';
import { markCountersStale } from '@/lib/inventory/stale-counters';
import type { Actor } from '@/lib/audit/actor';
import { orderMachine, type StockSettlement } from './order-machine';

export type { StockSettlement };

export type TransitionRequest = {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  actor: Actor;
  reason?: string;
  payload?: Record<string, unknown>;
  /** Staff screens pass the version they showed, so a stale button cannot act on a changed order. */
  expectedVersion?: number;
};

export type TransitionResult = { changed: boolean; settlement: StockSettlement };

/**
 * One order transition as a compare-and-set inside the caller's transaction (lib/state-machine):
 * `UPDATE orders … WHERE id = ? AND status = <from>` changes one row or none. When it changes,
 * the same transaction writes the outbox event, the audit record and the stock effect (units go
 * back when an order stops holding them, or leave the shadow stock when bought upstream).
 * `changed: false` means someone else moved the order first; nothing was written.
 */
export async function transitionInTx(tx: Executor, request: TransitionRequest): Promise<TransitionResult> {
  const moved = await moveInTx(tx, orderMachine, {
    id: request.orderId,
    from: request.from,
    to: request.to,
    actor: request.actor,
    reason: request.reason,
    payload: request.payload,
    expectedVersion: request.expectedVersion,
  });
  return moved.changed ? { changed: true, settlement: moved.effect } : { changed: false, settlement: null };
}

/**
 * Applies a committed transition's stock effect to the Redis counters. When Redis cannot be reached
 * the order's counters are marked stale and recounted later, so the units it returned are not lost
 * to the counter (nor returned twice: the recount drops the hold of an order that no longer holds stock).
 */
export async function settleRedis(db: Database, redis: Redis | null, settlement: StockSettlement): Promise<void> {
  if (!settlement) return;
  const scope = databaseName(db);
  const outcome = await (settlement.action === 'release' ? releaseRedisHold(redis, scope, settlement.token) : consumeRedisHold(redis, scope, settlement.token));
  let isStale = outcome === 'failed';
  if (redis && settlement.reloadSkuIds?.length) {
    await invalidateCounters(redis, scope, settlement.reloadSkuIds).catch((error: Error) => {
      console.warn(`[inventory] could not drop counters of ${settlement.reloadSkuIds!.join(',')}: ${error.message}`);
      isStale = true;
    });
  }
  if (isStale) await markCountersStale(db, settlement.skuIds);
}

/** A transition in its own transaction, then its Redis effect. */
export async function transitionOrder(db: Database, redis: Redis | null, request: TransitionRequest): Promise<boolean> {
  const result = await db.transaction((tx) => transitionInTx(tx, request));
  await settleRedis(db, redis, result.settlement);
  return result.changed;
}

/** Like transitionOrder, but a lost race is an error the caller shows ("the order changed meanwhile"). */
export async function transitionOrderOrThrow(db: Database, redis: Redis | null, request: TransitionRequest): Promise<void> {
  if (!(await transitionOrder(db, redis, request))) {
    throw new AppError('invalid_transition', `The order is no longer ${request.from}; reload and try again`);
  }
}
