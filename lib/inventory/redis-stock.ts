import type { Redis } from '@upstash/redis';

/**
 * Layer one against overselling: a Redis counter of sellable units per SKU (`stock − reserved` as
 * the database last said), decremented atomically by a Lua script for all lines of an order at
 * once. It turns a flash sale's thousands of buyers away before they reach MySQL; the database
 * guard (db-stock.ts) stays the authority, so a counter that drifts can only let a buyer through
 * to that guard, never sell a unit twice.
 *
 * Every reservation is a hash `inv:res:<checkout token>` of counter key → units. Releasing deletes
 * that hash and returns its units in the same script, so a reservation returns its units exactly
 * once however many sweepers, cancels and retries race for it. The reservation hash lists the
 * counter keys it touched; that is fine on a single Redis (Upstash, the local bridge), not in a
 * cluster. Each counter also has an index of the holds on it (`<counter>:holds`, token → time
 * held), so a counter can be recounted exactly while checkouts run (recount-counters.ts).
 */
/** `scope` is the database's name: counters of different databases (tenants) never mix. */
export const stockKey = (scope: string, skuId: number) => `inv:${scope}:sku:${skuId}`;
export const reservationKey = (scope: string, token: string) => `inv:${scope}:res:${token}`;
/** The holds on one counter: a sorted set of checkout tokens scored by when they were taken (ms). */
export const holdsKey = (scope: string, skuId: number) => `${stockKey(scope, skuId)}:holds`;

/** Counters are reloaded from the database at least this often, which heals any drift. */
export const COUNTER_TTL_SECONDS = 3600;

const RESERVE = `
local n = #KEYS - 1
local res = KEYS[#KEYS]
if redis.call('EXISTS', res) == 1 then return {'duplicate'} end
local missing = {}
for i = 1, n do
  if redis.call('EXISTS', KEYS[i]) == 0 then missing[#missing + 1] = tostring(i) end
end
if #missing > 0 then
  table.insert(missing, 1, 'missing')
  return missing
end
for i = 1, n do
  local available = tonumber(redis.call('GET', KEYS[i]))
  if available < tonumber(ARGV[i]) then return {'short', tostring(i), tostring(available)} end
end
for i = 1, n do
  redis.call('DECRBY', KEYS[i], ARGV[i])
  redis.call('HSET', res, KEYS[i], ARGV[i])
  redis.call('ZADD', KEYS[i] .. ':holds', ARGV[n + 1], ARGV[n + 2])
end
return {'ok'}
`;

const RELEASE = `
local items = redis.call('HGETALL', KEYS[1])
if #items == 0 then return 0 end
for i = 1, #items, 2 do
  if ARGV[1] == 'return' and redis.call('EXISTS', items[i]) == 1 then redis.call('INCRBY', items[i], items[i + 1]) end
  redis.call('ZREM', items[i] .. ':holds', ARGV[2])
end
redis.call('DEL', KEYS[1])
return 1
`;

/** Sets counters that are absent; an existing counter is never overwritten (it may hold in-flight reservations). */
const SEED = `
for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i], 'NX', 'EX', ARGV[#ARGV]) end
return 1
`;

export type ReserveReply =
  | { kind: 'ok' }
  | { kind: 'duplicate' }
  | { kind: 'missing'; skuIds: number[] }
  | { kind: 'short'; skuId: number; available: number };

export type StockLine = { skuId: number; quantity: number };

export async function reserveInRedis(redis: Redis, scope: string, token: string, lines: readonly StockLine[]): Promise<ReserveReply> {
  const keys = [...lines.map((l) => stockKey(scope, l.skuId)), reservationKey(scope, token)];
  const reply = (await redis.eval(RESERVE, keys, [...lines.map((l) => String(l.quantity)), String(Date.now()), token])) as string[];
  const [kind, ...rest] = reply.map(String);
  if (kind === 'ok' || kind === 'duplicate') return { kind };
  if (kind === 'missing') return { kind, skuIds: rest.map((i) => lines[Number(i) - 1]!.skuId) };
  if (kind === 'short') return { kind, skuId: lines[Number(rest[0]) - 1]!.skuId, available: Number(rest[1]) };
  throw new Error(`Unexpected reservation reply ${JSON.stringify(reply)}`);
}

/** Returns the reservation's units to the counters; true only for the one call that did it. */
export async function releaseInRedis(redis: Redis, scope: string, token: string): Promise<boolean> {
  return Number(await redis.eval(RELEASE, [reservationKey(scope, token)], ['return', token])) === 1;
}

/** Forgets a reservation whose units left for good (bought upstream): nothing goes back. */
export async function consumeInRedis(redis: Redis, scope: string, token: string): Promise<boolean> {
  return Number(await redis.eval(RELEASE, [reservationKey(scope, token)], ['keep', token])) === 1;
}

export async function seedCounters(redis: Redis, scope: string, sellable: ReadonlyMap<number, number>): Promise<void> {
  if (sellable.size === 0) return;
  const ids = [...sellable.keys()];
  await redis.eval(SEED, ids.map((id) => stockKey(scope, id)), [...ids.map((id) => String(Math.max(0, sellable.get(id)!))), String(COUNTER_TTL_SECONDS)]);
}

/** Drops counters so the next reservation reloads them from the database (after staff or a sync changed stock). */
export async function invalidateCounters(redis: Redis, scope: string, skuIds: readonly number[]): Promise<void> {
  if (skuIds.length > 0) await redis.del(...skuIds.map((id) => stockKey(scope, id)));
}

export async function readCounters(redis: Redis, scope: string, skuIds: readonly number[]): Promise<Map<number, number | null>> {
  if (skuIds.length === 0) return new Map();
  const values = await redis.mget<(string | number | null)[]>(...skuIds.map((id) => stockKey(scope, id)));
  return new Map(skuIds.map((id, i) => [id, values[i] === null || values[i] === undefined ? null : Number(values[i])]));
}
