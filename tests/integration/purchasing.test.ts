import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orderItems, orders, purchaseEvents, purchaseOrders, skus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { transitionOrder } from '@/lib/orders/transition-order';
import { buySellerGroup } from '@/lib/purchasing/buy-seller-group';
import { retryPurchaseOrder } from '@/lib/purchasing/retry-purchase-order';
import { cancelPurchaseOrder } from '@/lib/purchasing/cancel-purchase-order';
import { markPurchasedByHand } from '@/lib/purchasing/mark-purchased-by-hand';
import { runPurchasing, runPurchasingJob } from '@/lib/purchasing/run-purchasing';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

let world: PurchasingWorld;
let sellers: CatalogSku[][];
beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_purchasing');
  sellers = await skusBySeller(world);
});
afterAll(async () => world?.close());

const staff = { type: 'user' as const, id: 7, label: 'purchaser@ferry.test' };
const run = (now?: Date) => runPurchasing(world.db, world.redis, now ? { now } : {});
const later = (ms: number) => new Date(Date.now() + ms);

async function purchaseOrdersOf(orderIds: number[]) {
  const rows = await world.db
    .selectDistinct({ id: purchaseOrders.id })
    .from(purchaseEvents)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseEvents.purchaseOrderId))
    .innerJoin(orderItems, eq(orderItems.purchaseOrderId, purchaseOrders.id))
    .where(inArray(orderItems.orderId, orderIds));
  if (rows.length === 0) return [];
  return world.db.select().from(purchaseOrders).where(inArray(purchaseOrders.id, rows.map((r) => r.id)));
}

async function poFor(orderId: number) {
  const [item] = await world.db.select({ poId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.orderId, orderId));
  const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, item!.poId!));
  return po!;
}

async function statusOf(orderId: number) {
  const [row] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row!.status;
}

async function itemStatuses(orderId: number) {
  const rows = await world.db.select({ status: orderItems.purchaseStatus }).from(orderItems).where(eq(orderItems.orderId, orderId));
  return rows.map((r) => r.status);
}

async function purchasedEvents(orderId: number) {
  const [row] = await world.db
    .select({ n: count() })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, 'order.purchased')));
  return row!.n;
}

async function skuRow(skuId: number) {
  const [row] = await world.db.select({ stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
  return row!;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : `error: ${(error as Error).message}`;
  }
}

describe('automatic purchasing', () => {
  it('buys paid orders of two sellers as two upstream orders, merging lines of one SKU, and marks the orders purchased', async () => {
    const [a, b] = [sellers[0]!, sellers[1]!];
    const before = await world.upstreamOrders();
    const stockBefore = await skuRow(a[0]!.skuId);
    const first = await placePaidOrder(world, [
      { skuId: a[0]!.skuId, quantity: 2 },
      { skuId: b[0]!.skuId, quantity: 1 },
    ]);
    const second = await placePaidOrder(world, [
      { skuId: a[0]!.skuId, quantity: 1 },
      { skuId: a[1]!.skuId, quantity: 3 },
    ]);
    expect(await itemStatuses(first.id)).toEqual(['queued', 'queued']);

    const result = await run();
    expect(result.claimed).toBe(2);
    expect(result.outcomes.placed).toBe(2);

    const pos = await purchaseOrdersOf([first.id, second.id]);
    expect(pos.map((po) => po.status)).toEqual(['placed', 'placed']);
    expect(new Set(pos.map((po) => po.sellerId))).toEqual(new Set([a[0]!.sellerId, b[0]!.sellerId]));
    const upstream = (await world.upstreamOrders()).filter((o) => !before.some((p) => p.id === o.id));
    expect(upstream).toHaveLength(2);
    expect(new Set(upstream.map((o) => o.outOrderId))).toEqual(new Set(pos.map((po) => po.reference)));
    const ofA = upstream.find((o) => o.outOrderId === pos.find((po) => po.sellerId === a[0]!.sellerId)!.reference)!;
    expect(Object.fromEntries(ofA.lines.map((l) => [l.skuId, l.quantity]))).toEqual({ [a[0]!.sourceSkuId]: 3, [a[1]!.sourceSkuId]: 3 });
    for (const po of pos) expect(po.upstreamOrderId).toBe(upstream.find((o) => o.outOrderId === po.reference)!.id);

    for (const order of [first, second]) {
      expect(await statusOf(order.id)).toBe('purchased');
      expect((await itemStatuses(order.id)).every((s) => s === 'purchased')).toBe(true);
      expect(await purchasedEvents(order.id)).toBe(1);
    }
    // Reaching purchased consumed the units: they left the shadow stock and stopped being withheld.
    expect(await skuRow(a[0]!.skuId)).toEqual({ stock: stockBefore.stock - 3, reserved: 0 });
    const steps = await world.db
      .select({ step: purchaseEvents.step, actor: purchaseEvents.actor })
      .from(purchaseEvents)
      .where(eq(purchaseEvents.purchaseOrderId, pos[0]!.id))
      .orderBy(asc(purchaseEvents.id));
    expect(steps.map((s) => s.step)).toEqual(['claimed', 'previewed', 'placing', 'placed']);
    expect(steps.every((s) => s.actor === 'auto')).toBe(true);

    // Nothing is left: another run claims nothing and orders nothing.
    expect((await run()).claimed).toBe(0);
    expect((await world.upstreamOrders()).length).toBe(before.length + 2);
  });

  it('buys every line exactly once with 10 workers running at the same time', async () => {
    const group = [sellers[2]!, sellers[3]!, sellers[4]!];
    const wanted = new Map<string, number>();
    const placed = [];
    for (let i = 0; i < 12; i++) {
      const lines = [group[i % 3]![i % group[i % 3]!.length]!, group[(i + 1) % 3]![0]!];
      const items = lines.map((sku, k) => ({ skuId: sku.skuId, quantity: 1 + ((i + k) % 3) }));
      lines.forEach((sku, k) => wanted.set(`${sku.offerId}/${sku.sourceSkuId}`, (wanted.get(`${sku.offerId}/${sku.sourceSkuId}`) ?? 0) + items[k]!.quantity));
      placed.push(await placePaidOrder(world, items));
    }
    const before = await world.upstreamOrders();

    const runs = await Promise.all(Array.from({ length: 10 }, () => run()));
    expect(runs.reduce((sum, r) => sum + r.claimed, 0)).toBe(3);
    expect(runs.reduce((sum, r) => sum + r.outcomes.placed, 0)).toBe(3);

    const upstream = (await world.upstreamOrders()).filter((o) => !before.some((p) => p.id === o.id));
    expect(upstream).toHaveLength(3);
    expect(new Set(upstream.map((o) => o.sellerMemberId)).size).toBe(3);
    const bought = new Map<string, number>();
    for (const line of upstream.flatMap((o) => o.lines)) bought.set(`${line.offerId}/${line.skuId}`, (bought.get(`${line.offerId}/${line.skuId}`) ?? 0) + line.quantity);
    expect(bought).toEqual(wanted);
    for (const order of placed) {
      expect(await statusOf(order.id)).toBe('purchased');
      expect(await purchasedEvents(order.id)).toBe(1);
    }
  });

  it('makes one purchase of a double-clicked "Buy now" racing the worker', async () => {
    const seller = sellers[5]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 2 }]);
    const before = await world.upstreamOrders();
    const results = await Promise.all([
      outcome(buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff)),
      outcome(buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff)),
      run(),
    ]);
    const clicks = results.slice(0, 2) as string[];
    expect(clicks.filter((r) => r !== 'ok' && r !== 'conflict')).toEqual([]);
    const upstream = (await world.upstreamOrders()).filter((o) => !before.some((p) => p.id === o.id));
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.lines).toMatchObject([{ skuId: seller[0]!.sourceSkuId, quantity: 2 }]);
    expect(await statusOf(order.id)).toBe('purchased');
  });
});

describe('failures and staff', () => {
  it('fails a refused upstream order with its reason, leaves it for staff, and buys it once on retry', async () => {
    const seller = sellers[6]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }]);
    await world.control('/__sandbox/faults', 'POST', { failNext: 1, failWith: 'refuse', apis: ['alibaba.trade.createCrossOrder'] });
    expect((await run()).outcomes.failed).toBe(1);
    let po = await poFor(order.id);
    expect(po.status).toBe('failed');
    expect(po.lastError).toMatch(/^place:refused: /);
    expect(po.attempts).toBe(1);
    expect(await itemStatuses(order.id)).toEqual(['failed']);
    expect(await statusOf(order.id)).toBe('purchasing');

    // A refusal is not retried by the worker, however much later it runs.
    await run(later(3_600_000));
    expect((await poFor(order.id)).status).toBe('failed');
    await world.control('/__sandbox/faults', 'DELETE');

    await expect(retryPurchaseOrder(world.db, world.redis, po.id, po.version + 1, staff)).rejects.toMatchObject({ code: 'invalid_transition' });
    const retried = await retryPurchaseOrder(world.db, world.redis, po.id, po.version, staff);
    expect(retried.outcome).toBe('placed');
    await expect(retryPurchaseOrder(world.db, world.redis, po.id, po.version, staff)).rejects.toMatchObject({ code: 'invalid_transition' });
    po = await poFor(order.id);
    expect(po.status).toBe('placed');
    expect(po.placedBy).toBe('7');
    expect((await world.upstreamOrders()).filter((o) => o.outOrderId === po.reference)).toHaveLength(1);
    expect(await statusOf(order.id)).toBe('purchased');
    const audit = await world.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'purchase_order'), eq(auditLog.subjectId, String(po.id))));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['purchase.retried', 'purchase.placed']));
  });

  it('retries a transient preview failure by itself, after a backoff', async () => {
    const seller = sellers[7]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }]);
    await world.control('/__sandbox/faults', 'POST', { failNext: 1, failWith: 'error', apis: ['alibaba.createOrder.preview'] });
    await run();
    const po = await poFor(order.id);
    expect(po.status).toBe('failed');
    expect(po.lastError).toMatch(/^preview:unavailable: /);
    await world.control('/__sandbox/faults', 'DELETE');

    expect((await run()).retried).toBe(0);
    const result = await run(later(31_000));
    expect(result.retried).toBe(1);
    expect((await poFor(order.id)).status).toBe('placed');
    const steps = await world.db.select({ step: purchaseEvents.step }).from(purchaseEvents).where(eq(purchaseEvents.purchaseOrderId, po.id));
    expect(steps.map((s) => s.step)).toContain('auto_retry');
  });

  it('calls a create call that timed out an unknown outcome, never retries it, and records a hand purchase once however often it is clicked', async () => {
    const seller = sellers[8]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 2 }]);
    const stockBefore = await skuRow(seller[0]!.skuId);
    await world.control('/__sandbox/faults', 'POST', { failNext: 1, failWith: 'timeout', apis: ['alibaba.trade.createCrossOrder'] });
    await run();
    await world.control('/__sandbox/faults', 'DELETE');
    const po = await poFor(order.id);
    expect(po.status).toBe('failed');
    expect(po.lastError).toMatch(/^place:outcome_unknown: /);
    expect(po.lastError).toContain(po.reference);
    await run(later(3_600_000));
    expect((await poFor(order.id)).status).toBe('failed');
    expect((await world.upstreamOrders()).filter((o) => o.outOrderId === po.reference)).toHaveLength(0);

    const input = (upstreamOrderId: string) => ({ purchaseOrderId: po.id, expectedVersion: po.version, upstreamOrderId });
    const clicks = await Promise.all([
      markPurchasedByHand(world.db, world.redis, input('330011223344556677'), staff),
      markPurchasedByHand(world.db, world.redis, input('330011223344556677'), staff),
      markPurchasedByHand(world.db, world.redis, input('990011223344556677'), staff),
    ]);
    expect(clicks.filter((c) => c.changed)).toHaveLength(1);
    const done = await poFor(order.id);
    expect(done.status).toBe('placed');
    for (const click of clicks.filter((c) => !c.changed)) expect(click).toEqual({ changed: false, upstreamOrderId: done.upstreamOrderId, status: 'placed' });
    expect(await markPurchasedByHand(world.db, world.redis, { ...input('112233445566'), expectedVersion: done.version }, staff)).toMatchObject({ changed: false });
    expect(await statusOf(order.id)).toBe('purchased');
    expect(await purchasedEvents(order.id)).toBe(1);
    expect(await skuRow(seller[0]!.skuId)).toEqual({ stock: stockBefore.stock - 2, reserved: stockBefore.reserved - 2 });
    await expect(markPurchasedByHand(world.db, world.redis, input('12ab'), staff)).rejects.toThrow(/digits/);
  });

  it('puts the lines of a cancelled purchase order back in the queue and buys them in a new one', async () => {
    const seller = sellers[9]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }]);
    await world.control('/__sandbox/faults', 'POST', { failNext: 1, failWith: 'refuse', apis: ['alibaba.trade.createCrossOrder'] });
    await run();
    await world.control('/__sandbox/faults', 'DELETE');
    const failed = await poFor(order.id);
    expect(failed.status).toBe('failed');
    expect(await cancelPurchaseOrder(world.db, failed.id, failed.version, staff, 'seller asked us to reorder')).toEqual({ requeued: 1 });
    await expect(cancelPurchaseOrder(world.db, failed.id, failed.version, staff)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await itemStatuses(order.id)).toEqual(['queued']);

    await run();
    const replacement = await poFor(order.id);
    expect(replacement.id).not.toBe(failed.id);
    expect(replacement.status).toBe('placed');
    const [old] = await world.db.select({ status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.id, failed.id));
    expect(old!.status).toBe('cancelled');
  });

  it('leaves the queue to staff when PURCHASING_AUTO=0', async () => {
    const seller = sellers[11]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }]);
    process.env.PURCHASING_AUTO = '0';
    try {
      expect((await runPurchasingJob(world.db, world.redis)).claimed).toBe(0);
      expect(await itemStatuses(order.id)).toEqual(['queued']);
    } finally {
      delete process.env.PURCHASING_AUTO;
    }
    const bought = await buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff);
    expect(bought.outcome).toBe('placed');
    expect(await statusOf(order.id)).toBe('purchased');
    await expect(buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('never buys the lines of an order refunded while they were queued', async () => {
    const seller = sellers[10]!;
    const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }]);
    const before = await world.upstreamOrders();
    expect(await transitionOrder(world.db, world.redis, { orderId: order.id, from: 'paid', to: 'refunded', actor: { type: 'user', id: 9, label: 'finance' } })).toBe(true);
    expect(await itemStatuses(order.id)).toEqual(['cancelled']);
    expect((await run()).claimed).toBe(0);
    expect(await world.upstreamOrders()).toHaveLength(before.length);
  });
});
