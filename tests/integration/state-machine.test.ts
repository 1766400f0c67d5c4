import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orderEvents, orders, purchaseEvents, purchaseOrders, skus, type PurchaseOrderStatus } from '@/db/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import { transitionOrder } from '@/lib/orders/transition-order';
import { cancelPurchaseOrder } from '@/lib/purchasing/cancel-purchase-order';
import { purchasingWorker } from '@/lib/purchasing/log-purchase-event';
import { purchaseOrderMachine } from '@/lib/purchasing/purchase-order-machine';
import { reopenFailedOrder } from '@/lib/purchasing/reopen-failed-order';
import { transitionInTx } from '@/lib/state-machine/transition-in-tx';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';

// lib/state-machine against the real MariaDB: one compare-and-set per move, the outbox row and the
// audit record in its transaction, for purchase orders and orders alike.

const purchaser = { type: 'user' as const, id: 7, label: 'purchaser@ferry.test' };
let world: CheckoutWorld;

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_machine');
});
afterAll(async () => {
  await world?.close();
});

let seq = 0;
async function purchaseOrderIn(status: PurchaseOrderStatus, version = 3): Promise<number> {
  const [row] = await world.db
    .insert(purchaseOrders)
    .values({ reference: `PO-MACHINE-${++seq}-${Date.now()}`, platform: '1688', sellerId: 1, sellerSourceId: 'b2b-test', status, version, expectedGoodsMinor: 1000 })
    .$returningId();
  return row!.id;
}

const outboxOf = (subjectType: string, id: number) =>
  world.db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.subjectType, subjectType), eq(orderEvents.subjectId, id)))
    .orderBy(asc(orderEvents.id));
const auditOf = (subjectType: string, id: number) =>
  world.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, String(id))));
const poRow = async (id: number) => (await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)))[0]!;

describe('purchase orders on the state-machine helper', () => {
  it('lets exactly one of twelve racing staff moves win, with one outbox event, one audit record and one log line', async () => {
    const id = await purchaseOrderIn('failed', 3);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? cancelPurchaseOrder(world.db, id, 3, purchaser, 'given up') : reopenFailedOrder(world.db, id, 3, purchaser, 'retried'))),
    );
    const cancelled = results.filter((r, i) => i % 2 === 0 && r.status === 'fulfilled');
    const reopened = results.filter((r, i) => i % 2 === 1 && r.status === 'fulfilled' && r.value === true);
    expect(cancelled.length + reopened.length).toBe(1);
    // The losing cancels say why; nothing else failed.
    for (const [i, r] of results.entries()) {
      if (i % 2 === 0 && r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'invalid_transition' });
      if (i % 2 === 1) expect(r.status).toBe('fulfilled');
    }

    const po = await poRow(id);
    expect(po.version).toBe(4);
    const events = await outboxOf('purchase_order', id);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.type).toBe(po.status === 'cancelled' ? 'purchase.cancelled' : 'purchase.retried');
    expect(event).toMatchObject({ orderId: null, fromStatus: null, toStatus: null, publishedAt: null });
    expect(event.payload).toMatchObject({ from: 'failed', to: po.status, actor: { type: 'user', id: 7 } });
    const audit = await auditOf('purchase_order', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: event.type, actorType: 'user', actorId: '7' });
    const steps = await world.db.select({ step: purchaseEvents.step }).from(purchaseEvents).where(eq(purchaseEvents.purchaseOrderId, id));
    expect(steps.map((s) => s.step)).toEqual([po.status === 'cancelled' ? 'cancelled' : 'retried']);
  });

  it('lets one of ten racing workers advance it without a version, and keeps the worker out of the audit trail', async () => {
    const id = await purchaseOrderIn('claimed', 0);
    const moves = await Promise.all(
      Array.from({ length: 10 }, () =>
        world.db.transaction((tx) => transitionInTx(tx, purchaseOrderMachine, { id, from: 'claimed', to: 'previewed', actor: purchasingWorker, set: { previewGoodsMinor: 900, previewFreightMinor: 100 } })),
      ),
    );
    expect(moves.filter((m) => m.changed)).toHaveLength(1);
    expect(await poRow(id)).toMatchObject({ status: 'previewed', version: 1, previewGoodsMinor: 900, previewFreightMinor: 100 });
    const events = await outboxOf('purchase_order', id);
    expect(events.map((e) => e.type)).toEqual(['purchase.previewed']);
    expect(events[0]!.payload).toMatchObject({ actor: { type: 'system', id: 'auto' } });
    expect(await auditOf('purchase_order', id)).toHaveLength(0);
  });

  it('refuses a move its table does not list and writes nothing', async () => {
    const id = await purchaseOrderIn('placed', 5);
    await expect(
      world.db.transaction((tx) => transitionInTx(tx, purchaseOrderMachine, { id, from: 'placed', to: 'claimed', actor: purchaser })),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await poRow(id)).toMatchObject({ status: 'placed', version: 5 });
    expect(await outboxOf('purchase_order', id)).toHaveLength(0);
    expect(await auditOf('purchase_order', id)).toHaveLength(0);
  });

  it('rolls the move back with the caller’s transaction, outbox row and audit record included', async () => {
    const id = await purchaseOrderIn('failed', 1);
    await expect(
      world.db.transaction(async (tx) => {
        await transitionInTx(tx, purchaseOrderMachine, { id, from: 'failed', to: 'cancelled', actor: purchaser, expectedVersion: 1 });
        throw new Error('the caller failed after the move');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await poRow(id)).toMatchObject({ status: 'failed', version: 1 });
    expect(await outboxOf('purchase_order', id)).toHaveLength(0);
    expect(await auditOf('purchase_order', id)).toHaveLength(0);
  });
});

describe('orders on the state-machine helper', () => {
  it('writes order rows to the outbox with the order as subject, and cancels a racing order once', async () => {
    const skuId = await skuWithStock(world, 10);
    const { order } = await placeOrder({ db: world.db, redis: world.redis }, orderInput(skuId, 3, randomUUID()));
    const created = await outboxOf('order', order.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ type: 'order.created', orderId: order.id, subjectId: order.id, toStatus: 'pending' });

    const actor = { type: 'user' as const, id: 3 };
    const moved = await Promise.all(Array.from({ length: 8 }, () => transitionOrder(world.db, world.redis, { orderId: order.id, from: 'pending', to: 'cancelled', actor, reason: 'race' })));
    expect(moved.filter(Boolean)).toHaveLength(1);

    const events = await outboxOf('order', order.id);
    expect(events.map((e) => e.type)).toEqual(['order.created', 'order.cancelled']);
    expect(events[1]).toMatchObject({ orderId: order.id, fromStatus: 'pending', toStatus: 'cancelled' });
    expect(events[1]!.payload).toMatchObject({ from: 'pending', to: 'cancelled', reason: 'race', actor: { type: 'user', id: 3 } });
    const audit = await auditOf('order', order.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['order.cancelled', 'order.created']);
    const [row] = await world.db.select({ status: orders.status, version: orders.version, reservedUntil: orders.reservedUntil }).from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: 'cancelled', version: 1, reservedUntil: null });
    // The order's own effect ran once: its three units are back exactly once.
    const [sku] = await world.db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
    expect(sku!.reserved).toBe(0);
  });
});
