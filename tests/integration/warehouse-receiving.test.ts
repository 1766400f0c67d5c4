import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inboundShipments, orderEvents, orderItems, orders } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { runRelay } from '@/lib/events/relay';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { warehouseArrivals } from '@/lib/warehouse/derive-order-status';
import { receiveItems } from '@/lib/warehouse/receive-items';
import { receiveParcel } from '@/lib/warehouse/receive-parcel';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

let world: PurchasingWorld;
let sellers: CatalogSku[][];
beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_receiving');
  sellers = await skusBySeller(world);
});
afterAll(async () => world?.close());

const clerk = { type: 'user' as const, id: 42, label: 'warehouse@ferry.test' };

async function items(orderId: number) {
  return world.db
    .select({ id: orderItems.id, status: orderItems.fulfilmentStatus, version: orderItems.fulfilmentVersion, weightGrams: orderItems.weightGrams, lengthMm: orderItems.lengthMm, receivedAt: orderItems.receivedAt })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.id);
}

async function orderStatus(orderId: number) {
  const [row] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row!.status;
}

async function eventsOf(orderId: number, type: string) {
  return world.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, type)));
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : (error as Error).name;
  }
}

async function receipts(orderId: number) {
  return world.db
    .select({ id: orderItems.id, status: orderItems.fulfilmentStatus, version: orderItems.fulfilmentVersion, outcome: orderItems.receiptOutcome, receivedQuantity: orderItems.receivedQuantity, note: orderItems.receiptNote })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(orderItems.id);
}

/** A paid order of one line per given seller, bought upstream by the worker. */
async function boughtOrder(sellerIndexes: number[], quantity = 1) {
  const order = await placePaidOrder(world, sellerIndexes.map((s) => ({ skuId: sellers[s]![0]!.skuId, quantity })));
  for (let i = 0; i < sellerIndexes.length + 1; i++) await runPurchasing(world.db, world.redis);
  expect(await orderStatus(order.id)).toBe('purchased');
  return order;
}

describe('receiving items into the warehouse', () => {
  it('moves each item in with its weight and size; the order arrives with its last item, once, through its own transition', async () => {
    const order = await boughtOrder([0, 1]);
    const [first, second] = await items(order.id);
    expect([first!.status, second!.status]).toEqual(['upstream', 'upstream']);

    const one = await receiveItems(world.db, [{ itemId: first!.id, measurement: { weightGrams: 420, lengthMm: 300, widthMm: 200, heightMm: 50 } }], clerk);
    expect(one).toEqual([{ itemId: first!.id, orderNumber: order.number, status: 'in_warehouse', changed: true }]);
    expect(await orderStatus(order.id)).toBe('purchased');
    expect((await items(order.id))[0]).toMatchObject({ status: 'in_warehouse', version: 1, weightGrams: 420, lengthMm: 300 });
    expect((await items(order.id))[0]!.receivedAt).toBeInstanceOf(Date);

    await receiveItems(world.db, [{ itemId: second!.id, measurement: { weightGrams: 90 } }], clerk);
    expect(await orderStatus(order.id)).toBe('arrived');
    const arrived = await eventsOf(order.id, 'order.arrived');
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ fromStatus: 'purchased', toStatus: 'arrived' });
    // Each item's receipt is an outbox event of the item, filed under its order, and audited with who.
    const received = await eventsOf(order.id, 'item.received');
    expect(received.map((e) => [e.subjectType, e.subjectId])).toEqual([
      ['order_item', first!.id],
      ['order_item', second!.id],
    ]);
    const audit = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'item.received'), eq(auditLog.subjectId, String(first!.id))));
    expect(audit).toMatchObject([{ actorType: 'user', actorId: '42' }]);
  });

  it('changes nothing on a second scan of the same items', async () => {
    const order = await boughtOrder([2]);
    const [item] = await items(order.id);
    expect(await failure(receiveItems(world.db, [{ itemId: item!.id, bin: 'shelf 3!' }], clerk))).toBe('ZodError');
    await receiveItems(world.db, [{ itemId: item!.id, measurement: { weightGrams: 100 }, bin: ' a-03-2 ' }], clerk);
    const [stored] = await world.db.select({ bin: orderItems.storageBin }).from(orderItems).where(eq(orderItems.id, item!.id));
    expect(stored!.bin).toBe('A-03-2');
    const again = await receiveItems(world.db, [{ itemId: item!.id, measurement: { weightGrams: 999 } }], clerk);
    expect(again).toEqual([{ itemId: item!.id, orderNumber: order.number, status: 'in_warehouse', changed: false }]);
    expect((await items(order.id))[0]).toMatchObject({ version: 1, weightGrams: 100 });
    expect(await eventsOf(order.id, 'item.received')).toHaveLength(1);
    expect(await eventsOf(order.id, 'order.arrived')).toHaveLength(1);
  });

  it('derives arrival exactly once when the last two items are received at the same moment', async () => {
    const order = await boughtOrder([3, 4, 5]);
    const ids = (await items(order.id)).map((i) => i.id);
    await Promise.all(ids.map((itemId) => receiveItems(world.db, [{ itemId, measurement: { weightGrams: 50 } }], clerk)));
    expect((await items(order.id)).map((i) => i.status)).toEqual(['in_warehouse', 'in_warehouse', 'in_warehouse']);
    expect(await orderStatus(order.id)).toBe('arrived');
    expect(await eventsOf(order.id, 'order.arrived')).toHaveLength(1);
  });

  it('refuses an item not bought upstream, one that does not exist, and impossible measurements, changing nothing', async () => {
    const order = await placePaidOrder(world, [{ skuId: sellers[6]![0]!.skuId, quantity: 1 }]);
    const [item] = await items(order.id);
    expect(await failure(receiveItems(world.db, [{ itemId: item!.id }], clerk))).toBe('invalid_transition');
    expect(await failure(receiveItems(world.db, [{ itemId: 987_654_321 }], clerk))).toBe('not_found');
    expect((await items(order.id))[0]!.status).toBe('upstream');
    expect(await orderStatus(order.id)).toBe('paid');
    const bought = await boughtOrder([7]);
    const [b] = await items(bought.id);
    expect(await failure(receiveItems(world.db, [{ itemId: b!.id, measurement: { weightGrams: -5 } }], clerk))).toBe('ZodError');
    expect(await failure(receiveItems(world.db, [{ itemId: b!.id, measurement: { lengthMm: 10 } }], clerk))).toBe('ZodError');
    expect((await items(bought.id))[0]!.status).toBe('upstream');
  });

  it('lets an order that finishes purchasing after its items arrived move to arrived through the relay', async () => {
    const order = await boughtOrder([8]);
    const [item] = await items(order.id);
    // As if the item came in while another line was still being bought: the order was purchasing then.
    await world.db.update(orders).set({ status: 'purchasing' }).where(eq(orders.id, order.id));
    await receiveItems(world.db, [{ itemId: item!.id }], clerk);
    expect(await orderStatus(order.id)).toBe('purchasing');
    await world.db.update(orders).set({ status: 'purchased' }).where(eq(orders.id, order.id));
    await world.db.insert(orderEvents).values({ orderId: order.id, subjectType: 'order', subjectId: order.id, type: 'order.purchased', fromStatus: 'purchasing', toStatus: 'purchased', payload: {} });
    await runRelay(world.db, [warehouseArrivals]);
    expect(await orderStatus(order.id)).toBe('arrived');
  });
});

describe('what receiving found, line by line', () => {
  it('stores short, damaged and wrong lines with their notes in the move itself, and carries them in item.received', async () => {
    const order = await boughtOrder([0, 1, 2, 3], 3);
    const [a, b, c, d] = await receipts(order.id);
    const received = await receiveItems(
      world.db,
      [
        { itemId: a!.id, receipt: { outcome: 'short', receivedQuantity: 2, note: '  one cup missing ' } },
        { itemId: b!.id, receipt: { outcome: 'damaged', note: 'lid cracked' } },
        { itemId: c!.id, receipt: { outcome: 'wrong_item', receivedQuantity: 1, note: 'red instead of blue' } },
        { itemId: d!.id },
      ],
      clerk,
    );
    expect(received.map((r) => r.changed)).toEqual([true, true, true, true]);
    expect(await receipts(order.id)).toEqual([
      { id: a!.id, status: 'in_warehouse', version: 1, outcome: 'short', receivedQuantity: 2, note: 'one cup missing' },
      { id: b!.id, status: 'in_warehouse', version: 1, outcome: 'damaged', receivedQuantity: 3, note: 'lid cracked' },
      { id: c!.id, status: 'in_warehouse', version: 1, outcome: 'wrong_item', receivedQuantity: 1, note: 'red instead of blue' },
      { id: d!.id, status: 'in_warehouse', version: 1, outcome: 'complete', receivedQuantity: 3, note: null },
    ]);
    const events = await eventsOf(order.id, 'item.received');
    const payloadOf = (id: number) => events.find((e) => e.subjectId === id)!.payload as Record<string, unknown>;
    expect(payloadOf(a!.id)).toMatchObject({ outcome: 'short', receivedQuantity: 2, note: 'one cup missing' });
    expect(payloadOf(d!.id)).toMatchObject({ outcome: 'complete', receivedQuantity: 3 });
    expect(payloadOf(d!.id)).not.toHaveProperty('note');
    const audit = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'item.received'), eq(auditLog.subjectId, String(c!.id))));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain('red instead of blue');
  });

  it('refuses a receipt without its note or with an impossible count, writing nothing for any line of it', async () => {
    const order = await boughtOrder([4, 5], 2);
    const [a, b] = await receipts(order.id);
    expect(await failure(receiveItems(world.db, [{ itemId: a!.id, receipt: { outcome: 'damaged', note: '  ' } }], clerk))).toBe('ZodError');
    // @ts-expect-error -- a short line without its note, as a careless caller might send it
    expect(await failure(receiveItems(world.db, [{ itemId: a!.id, receipt: { outcome: 'short', receivedQuantity: 1 } }], clerk))).toBe('ZodError');
    expect(await failure(receiveItems(world.db, [{ itemId: a!.id, receipt: { outcome: 'short', receivedQuantity: 0, note: 'none' } }], clerk))).toBe('ZodError');
    expect(
      await failure(
        receiveItems(
          world.db,
          [
            { itemId: a!.id },
            { itemId: b!.id, receipt: { outcome: 'short', receivedQuantity: 2, note: 'all of them?' } },
          ],
          clerk,
        ),
      ),
    ).toBe('validation_failed');
    expect(await failure(receiveItems(world.db, [{ itemId: b!.id, receipt: { outcome: 'wrong_item', receivedQuantity: 3, note: 'three?' } }], clerk))).toBe('validation_failed');
    expect((await receipts(order.id)).map((r) => [r.status, r.outcome])).toEqual([
      ['upstream', null],
      ['upstream', null],
    ]);
    expect(await eventsOf(order.id, 'item.received')).toHaveLength(0);
  });

  it('receives a parcel line by line: a line left out stays upstream, and the same parcel again changes nothing', async () => {
    const order = await boughtOrder([7], 2);
    const second = await boughtOrder([8]);
    const [line] = await receipts(order.id);
    const [other] = await receipts(second.id);
    const [po] = await world.db.select({ purchaseOrderId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.id, line!.id));
    const [po2] = await world.db.select({ purchaseOrderId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.id, other!.id));
    const trackingNumber = `YT${Date.now()}`;
    await world.db.insert(inboundShipments).values([
      { purchaseOrderId: po!.purchaseOrderId!, trackingNumber, status: 'expected' },
      { purchaseOrderId: po2!.purchaseOrderId!, trackingNumber, status: 'expected' },
    ]);
    const lines = [{ itemId: line!.id, receipt: { outcome: 'short' as const, receivedQuantity: 1, note: 'one pair in the box' }, measurement: { weightGrams: 310 }, bin: 'b-1' }];
    // A line of another order is not this parcel's to receive.
    expect(await failure(receiveParcel(world.db, { trackingNumber, lines: [{ itemId: 987_654_321 }] }, clerk))).toBe('validation_failed');

    const first = await receiveParcel(world.db, { trackingNumber: trackingNumber.toLowerCase(), lines }, clerk);
    expect(first).toEqual({
      matched: true,
      items: [
        { itemId: line!.id, orderNumber: order.number, status: 'in_warehouse' },
        { itemId: other!.id, orderNumber: second.number, status: 'purchased' },
      ],
    });
    expect((await receipts(order.id))[0]).toMatchObject({ status: 'in_warehouse', version: 1, outcome: 'short', receivedQuantity: 1, note: 'one pair in the box' });
    expect((await receipts(second.id))[0]).toMatchObject({ status: 'upstream', outcome: null });
    const [stored] = await world.db.select({ weightGrams: orderItems.weightGrams, bin: orderItems.storageBin }).from(orderItems).where(eq(orderItems.id, line!.id));
    expect(stored).toEqual({ weightGrams: 310, bin: 'B-1' });

    // Scanned again, even with another outcome: nothing changes.
    const again = await receiveParcel(world.db, { trackingNumber, lines: [{ itemId: line!.id, receipt: { outcome: 'damaged', note: 'changed my mind' } }] }, clerk);
    expect(again).toEqual(first);
    expect((await receipts(order.id))[0]).toMatchObject({ version: 1, outcome: 'short', receivedQuantity: 1, note: 'one pair in the box' });
    expect(await eventsOf(order.id, 'item.received')).toHaveLength(1);

    // Without lines (the CLI), what is still upstream comes in complete; the short line stays as it was.
    const rest = await receiveParcel(world.db, { trackingNumber }, clerk);
    expect(rest.matched && rest.items.map((i) => i.status)).toEqual(['in_warehouse', 'in_warehouse']);
    expect((await receipts(second.id))[0]).toMatchObject({ status: 'in_warehouse', outcome: 'complete', receivedQuantity: 1 });
    expect((await receipts(order.id))[0]).toMatchObject({ version: 1, outcome: 'short' });
  });
});
