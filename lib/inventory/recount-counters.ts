import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { databaseName, type Database } from '@/db/client';
import { orderItems, orders, skus } from '@/db/schema';
import { withDeadlockRetry } from '@/lib/db/lock-conflict';
import { stockHoldingStatuses } from './stock-holding-statuses';
import { COUNTER_TTL_SECONDS, holdsKey, reservationKey, stockKey } from './redis-stock';

/** A hold with no order this old is a checkout that died (its process, or Redis when it tried to give the units back). */
export const ABANDONED_HOLD_MS = 30_000;
/** A hold with no order this old is probably dead already: its counter is recounted again until the hold is abandoned. */
const SUSPECT_HOLD_MS = 5_000;

/**
 * Per SKU: the counter becomes `sellable − units of holds still in flight`; holds of orders that no
 * longer hold stock (settled while Redis was away) and abandoned holds are dropped from their
 * reservation; every open order's units are (re)written into its reservation, so a later cancel
 * returns them. Replies [counter, suspect holds] per SKU.
 */
const RECOUNT = `
local a = cjson.decode(ARGV[1])
local out = {}
for i, s in ipairs(a.skus) do
  local counter = KEYS[i]
  local index = counter .. ':holds'
  local inFlight = 0
  local suspect = 0
  local members = redis.call('ZRANGE', index, 0, -1, 'WITHSCORES')
  for j = 1, #members, 2 do
    local token = members[j]
    if s.open[token] == nil then
      local res = a.resPrefix .. token
      local age = a.now - tonumber(members[j + 1])
      local state = s.checked[token]
      local units = tonumber(redis.call('HGET', res, counter))
      if units == nil or state == 'closed' or (state == 'absent' and age > a.abandonMs) then
        redis.call('HDEL', res, counter)
        redis.call('ZREM', index, token)
      else
        inFlight = inFlight + units
        if age > a.suspectMs then suspect = suspect + 1 end
      end
    end
  end
  for token, units in pairs(s.open) do
    redis.call('HSET', a.resPrefix .. token, counter, units)
    redis.call('ZADD', index, 'NX', a.now, token)
  end
  local value = s.sellable - inFlight
  if value < 0 then value = 0 end
  redis.call('SET', counter, value, 'EX', a.ttl)
  out[#out + 1] = value
  out[#out + 1] = suspect
end
return out
`;

export type Recounted = { skuId: number; counter: number; isSettled: boolean };

/**
 * Rebuilds the Redis side of these SKUs' stock from MySQL, exactly, while checkouts keep running:
 * the counter (`stock − reserved`, less the holds of checkouts still between Redis and their
 * commit) and the reservations of every open order. Used after Redis missed something (an order
 * placed without it, a cancel it did not hear of, its data lost in a restart).
 *
 * Why it is exact under load: the SKU rows are locked first (`FOR UPDATE`, id order, like
 * checkout). From then until the commit no order line on them can commit and no order can return
 * or consume their units, because both must update these rows. So the database answers (a
 * snapshot taken after the lock) say which holds belong to committed orders, and any hold that
 * appears meanwhile is a checkout still in flight; the script, atomic in Redis, subtracts exactly
 * those. A SKU whose counter still carries an orderless hold older than a few seconds stays marked
 * for another recount, until that hold is abandoned (ABANDONED_HOLD_MS).
 */
export async function recountCounters(db: Database, redis: Redis, skuIds: readonly number[], now = Date.now()): Promise<Recounted[]> {
  const ids = [...new Set(skuIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const scope = databaseName(db);
  return withDeadlockRetry(() =>
    db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: skus.id, stock: skus.stock, reserved: skus.reserved })
        .from(skus)
        .where(inArray(skus.id, ids))
        .orderBy(asc(skus.id))
        .for('update');
      if (rows.length === 0) return [];
      // String(): the client would turn a token that happens to read as JSON (digits) into a number.
      const held = await Promise.all(rows.map(async (r) => (await redis.zrange<unknown[]>(holdsKey(scope, r.id), 0, -1)).map(String)));
      const open = await tx
        .select({ skuId: orderItems.skuId, token: orders.checkoutToken, quantity: orderItems.quantity })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(and(inArray(orderItems.skuId, rows.map((r) => r.id)), inArray(orders.status, [...stockHoldingStatuses])));
      const known = await existingTokens(tx, [...new Set(held.flat())]);

      const plan = rows.map((row, i) => {
        const openHere: Record<string, number> = {};
        for (const o of open) if (o.skuId === row.id) openHere[o.token] = o.quantity;
        const checked: Record<string, 'closed' | 'absent'> = {};
        for (const token of held[i]!) if (!(token in openHere)) checked[token] = known.has(token) ? 'closed' : 'absent';
        return { sellable: Math.max(0, row.stock - row.reserved), open: openHere, checked };
      });
      const args = { now, abandonMs: ABANDONED_HOLD_MS, suspectMs: SUSPECT_HOLD_MS, ttl: COUNTER_TTL_SECONDS, resPrefix: reservationKey(scope, ''), skus: plan };
      // cjson turns an empty JSON object into an empty table, which is what `open`/`checked` need.
      const reply = ((await redis.eval(RECOUNT, rows.map((r) => stockKey(scope, r.id)), [JSON.stringify(args)])) as (number | string)[]).map(Number);
      const result = rows.map((row, i) => ({ skuId: row.id, counter: reply[2 * i]!, isSettled: reply[2 * i + 1] === 0 }));
      const settled = result.filter((r) => r.isSettled).map((r) => r.skuId);
      if (settled.length > 0) {
        await tx.update(skus).set({ counterStaleAt: null }).where(and(inArray(skus.id, settled), isNotNull(skus.counterStaleAt)));
      }
      return result;
    }),
  );
}

type Reader = Pick<Database, 'select'>;

/** Which of these checkout tokens have an order (in the caller's snapshot). */
async function existingTokens(tx: Reader, tokens: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i += 500) {
    const rows = await tx
      .select({ token: orders.checkoutToken })
      .from(orders)
      .where(inArray(orders.checkoutToken, tokens.slice(i, i + 500)));
    for (const r of rows) found.add(r.token);
  }
  return found;
}

/** Marks every SKU an open order holds: after Redis lost its data, their reservations must be rebuilt. */
export async function markOpenOrderSkus(db: Database): Promise<number> {
  const [result] = await db
    .update(skus)
    .set({ counterStaleAt: sql`now(3)` })
    .where(
      inArray(
        skus.id,
        db
          .selectDistinct({ id: orderItems.skuId })
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .where(inArray(orders.status, [...stockHoldingStatuses])),
      ),
    );
  return result.affectedRows;
}
