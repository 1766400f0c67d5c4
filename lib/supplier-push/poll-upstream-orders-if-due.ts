import 'server-only';
import type { Redis } from '@upstash/redis';
import { databaseName, type Database } from '@/db/client';
import { pollUpstreamOrders, type PlatformPoll } from './poll-upstream-orders';

const DEFAULT_MINUTES = 5;
const lastLocalRun = new Map<string, number>();

/** UPSTREAM_POLL_MINUTES (default 5; 0 turns the poll off). */
export function upstreamPollMinutes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.UPSTREAM_POLL_MINUTES;
  if (raw === undefined || raw === '') return DEFAULT_MINUTES;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 0) {
    console.warn(`[push] UPSTREAM_POLL_MINUTES=${raw} is not a number of minutes; polling every ${DEFAULT_MINUTES}`);
    return DEFAULT_MINUTES;
  }
  return minutes;
}

/**
 * Runs the compensating poll when it is due, for the periodic job that every server runs. A Redis
 * key taken with SET NX for the period elects one server per period; without Redis each server
 * keeps its own clock (more polls, still correct: applying a status is idempotent).
 * Returns null when it was not this server's turn.
 */
export async function pollUpstreamOrdersIfDue(db: Database, redis: Redis | null, now = new Date()): Promise<PlatformPoll[] | null> {
  const minutes = upstreamPollMinutes();
  if (minutes === 0) return null;
  const scope = databaseName(db);
  const periodMs = minutes * 60_000;
  let isMyTurn: boolean | null = null;
  if (redis) {
    try {
      isMyTurn = (await redis.set(`jobs:${scope}:upstream-poll`, String(now.getTime()), { nx: true, px: Math.max(1000, Math.round(periodMs)) })) === 'OK';
    } catch (error) {
      console.warn(`[push] poll throttle unavailable in Redis, using this server's clock: ${(error as Error).message}`);
    }
  }
  if (isMyTurn === null) isMyTurn = now.getTime() - (lastLocalRun.get(scope) ?? 0) >= periodMs;
  if (!isMyTurn) return null;
  lastLocalRun.set(scope, now.getTime());
  return pollUpstreamOrders(db, { now });
}
