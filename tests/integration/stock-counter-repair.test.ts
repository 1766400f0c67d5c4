import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFor, databaseName } from '@/db/client';
import { orders, skus } from '@/db/schema';
import { checkoutKey } from '@/lib/checkout/checkout-key';
import { placeOrder } from '@/lib/checkout/place-order';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { releaseRedisHold } from '@/lib/inventory/hold-stock';
import { recountCounters } from '@/lib/inventory/recount-counters';
import { readCounters, reservationKey, stockKey } from '@/lib/inventory/redis-stock';
import { repairStaleCounters } from '@/lib/inventory/stale-counters';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';
import { startDbProxy } from '../support/db-proxy';

// Redis missing a step (down, restarted empty, a commit whose answer was lost) must not leave the
// stock counters disagreeing with MySQL: they are marked and recounted, exactly, under load too.

let world: CheckoutWorld;
beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_counters', 8);
});
afterAll(async () => world?.close());

const live = () => ({ db: world.db, redis: world.redis });
const scope = () => databaseName(world.db);

async function skuState(skuId: number) {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved, staleAt: skus.counterStaleAt }).from(skus).where(eq(skus.id, skuId));
  const counter = (await readCounters(world.redis, scope(), [skuId])).get(skuId);
  return { sellable: row!.stock - row!.reserved, counter, isMarked: row!.staleAt !== null };
}

const cancel = (redis: typeof world.redis, orderId: number) =>
  transitionOrder(world.db, redis, { orderId, from: 'pending', to: 'cancelled', actor: { type: 'system' }, reason: 'test' });

describe('stock counters after Redis missed something', () => {
  it('counts orders placed while Redis was unreachable once it answers, and a later cancel returns their units', async () => {
    const skuId = await skuWithStock(world, 20, 0);
    await placeOrder(live(), orderInput(skuId, 2, randomUUID()));
    const degraded = await Promise.all([1, 2, 3].map(() => placeOrder({ db: world.db, redis: world.deadRedis }, orderInput(skuId, 1, randomUUID()))));
    expect(degraded.every((d) => d.degraded)).toBe(true);
    // Redis still believes 18 are left; MySQL knows 15.
    expect(await skuState(skuId)).toEqual({ sellable: 15, counter: 18, isMarked: true });

    await repairStaleCounters(world.db, world.redis);
    expect(await skuState(skuId)).toEqual({ sellable: 15, counter: 15, isMarked: false });

    await cancel(world.redis, degraded[0]!.order.id);
    expect(await skuState(skuId)).toEqual({ sellable: 16, counter: 16, isMarked: false });
  });

  it('returns the units of a cancel Redis did not hear of once, never twice', async () => {
    const skuId = await skuWithStock(world, 10, 1);
    const token = randomUUID();
    const { order } = await placeOrder(live(), orderInput(skuId, 3, token));
    expect(await cancel(world.deadRedis, order.id)).toBe(true);
    expect(await skuState(skuId)).toEqual({ sellable: 10, counter: 7, isMarked: true });

    await repairStaleCounters(world.db, world.redis);
    expect(await skuState(skuId)).toEqual({ sellable: 10, counter: 10, isMarked: false });
    // The cancel's own release, retried late, finds nothing left to return.
    expect(await releaseRedisHold(world.redis, scope(), token)).toBe('absent');
    expect((await skuState(skuId)).counter).toBe(10);
  });

  it('rebuilds the holds of open orders after Redis lost its data, so cancelling them still returns units', async () => {
    const skuId = await skuWithStock(world, 12, 2);
    const secondToken = randomUUID();
    const first = await placeOrder(live(), orderInput(skuId, 2, randomUUID()));
    const second = await placeOrder(live(), orderInput(skuId, 3, secondToken));
    await repairStaleCounters(world.db, world.redis);
    // A restart without persistence: every key of this database is gone.
    const keys = await world.redis.keys(`inv:${scope()}:*`);
    await world.redis.del(...keys);

    await placeOrder(live(), orderInput(skuId, 1, randomUUID()));
    await cancel(world.redis, first.order.id);
    // The cancel found no hold to return: Redis still says 6 where MySQL has 8.
    expect(await skuState(skuId)).toMatchObject({ sellable: 8, counter: 6 });

    await repairStaleCounters(world.db, world.redis);
    expect(await skuState(skuId)).toEqual({ sellable: 8, counter: 8, isMarked: false });
    expect(await world.redis.hget(reservationKey(scope(), checkoutKey(orderInput(skuId, 3, secondToken).customer, secondToken)), stockKey(scope(), skuId))).toBe(3);
    await cancel(world.redis, second.order.id);
    expect(await skuState(skuId)).toEqual({ sellable: 11, counter: 11, isMarked: false });
  });

  it('stays exact when recounted again and again while 120 buyers check out', async () => {
    const skuId = await skuWithStock(world, 60, 3);
    await placeOrder(live(), orderInput(skuId, 1, randomUUID()));
    let sold = 0;
    // Recounts run only while buying is in full swing: nothing after them may quietly repair a wrong count.
    const recounts = (async () => {
      let n = 0;
      while (sold < 45) {
        await recountCounters(world.db, world.redis, [skuId]);
        n++;
      }
      return n;
    })();
    const results = await Promise.all(
      Array.from({ length: 120 }, () =>
        placeOrder(live(), orderInput(skuId, 1, randomUUID())).then(
          () => (sold++, 'ok'),
          (error: { code?: string }) => error.code ?? 'error',
        ),
      ),
    );
    expect(await recounts).toBeGreaterThan(1);
    expect(results.filter((r) => r === 'ok')).toHaveLength(59);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'out_of_stock')).toBe(true);
    expect(await skuState(skuId)).toEqual({ sellable: 0, counter: 0, isMarked: false });
  });

  it('recounts after a commit whose answer was lost: the order exists and Redis agrees with MySQL', async () => {
    const skuId = await skuWithStock(world, 10, 4);
    await placeOrder(live(), orderInput(skuId, 1, randomUUID()));
    const proxy = await startDbProxy(world.url);
    try {
      proxy.swallowNextCommit();
      const token = randomUUID();
      const lost = await placeOrder({ db: databaseFor(proxy.url), redis: world.redis }, orderInput(skuId, 2, token)).catch((e: unknown) => e);
      expect(proxy.swallowed).toBe(1);
      expect(isDatabaseUnavailable(lost)).toBe(true);
      // It committed: the order is there, holding its units, though its checkout saw an error.
      const [order] = await world.db.select({ id: orders.id, status: orders.status }).from(orders).where(eq(orders.checkoutToken, checkoutKey(orderInput(skuId, 1, token).customer, token)));
      expect(order?.status).toBe('pending');
      expect(await skuState(skuId)).toMatchObject({ sellable: 7, isMarked: true });

      await repairStaleCounters(world.db, world.redis);
      expect(await skuState(skuId)).toEqual({ sellable: 7, counter: 7, isMarked: false });
      await cancel(world.redis, order!.id);
      expect(await skuState(skuId)).toEqual({ sellable: 9, counter: 9, isMarked: false });
    } finally {
      await proxy.close();
    }
  });
});
