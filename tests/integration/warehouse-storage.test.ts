import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, users } from '@/db/schema/accounts';
import { sellers } from '@/db/schema/catalog';
import { orderEvents, orderItems, type FulfilmentStatus } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { inboundShipments, itemNotices, unclaimedInbounds } from '@/db/schema/warehouse';
import { placeOrder } from '@/lib/checkout/place-order';
import type { Customer } from '@/lib/checkout/types';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { getWarehouseBoard } from '@/lib/warehouse/queries/get-warehouse-board';
import { listStoredItems } from '@/lib/warehouse/queries/list-stored-items';
import { claimStorageReminders, queueStorageReminders, STORAGE_REMINDER_FACT } from '@/lib/warehouse/storage/queue-storage-reminders';
import { warehouseDayStart } from '@/lib/warehouse/warehouse-day';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';

// Storage reminders, the storage queue and the warehouse board against real MariaDB: items are
// planted in the states and at the ages each rule cares about (settings at their defaults: 90 free
// days, 0.50 CNY per item per day, parcels late after 5 days).
const DAY = 86_400_000;
const FREE_DAYS = 90;
let world: CheckoutWorld;
let skuId: number;
const now = new Date();
/** Received so that free storage ends `daysLeft` days from `now` (negative: already over). */
const receivedFor = (daysLeft: number) => new Date(now.getTime() - (FREE_DAYS - daysLeft) * DAY);

let shopperA: { id: number; email: string };
let shopperB: { id: number; email: string };
const item: Record<string, number> = {};

async function shopper(email: string, locale: string) {
  const [row] = await world.db.insert(users).values({ email, passwordHash: 'not-a-real-hash', name: email.split('@')[0], locale }).$returningId();
  return { id: row!.id, email };
}

/** One order of one line for `customer`, its line moved to `status`, received `receivedAt`. */
async function plant(name: string, customer: Customer, status: FulfilmentStatus, receivedAt: Date, qcReady = false) {
  const { order } = await placeOrder({ db: world.db, redis: world.redis }, { ...orderInput(skuId, 1, randomUUID(), { customer }), gateway: 'sandbox' });
  await world.db
    .update(orderItems)
    .set({ fulfilmentStatus: status, receivedAt, qcReadyAt: qcReady ? receivedAt : null, title: name })
    .where(eq(orderItems.orderId, order.id));
  const [row] = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id));
  item[name] = row!.id;
}

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_wh_storage', 5);
  skuId = await skuWithStock(world, 1000);
  shopperA = await shopper('mei@ferry.test', 'zh-CN');
  shopperB = await shopper('ana@ferry.test', 'en');
  const a: Customer = { type: 'user', userId: shopperA.id, email: shopperA.email };
  const b: Customer = { type: 'user', userId: shopperB.id, email: shopperB.email };
  const partner: Customer = { type: 'partner', partnerKeyId: 'pk_storage_test' };
  const dayStart = warehouseDayStart(now);
  await plant('a1-10-days-left', a, 'in_warehouse', receivedFor(10));
  await plant('a2-5-days-left', a, 'accepted', receivedFor(5));
  await plant('a3-20-days-left', a, 'in_warehouse', receivedFor(20), true);
  await plant('a4-packed', a, 'in_parcel', receivedFor(3));
  await plant('b1-half-day-left', b, 'return_requested', new Date(receivedFor(0).getTime() + DAY / 2));
  await plant('b2-2-days-over', b, 'accepted', new Date(receivedFor(-2).getTime() + 60_000));
  await plant('b3-10-days-over', b, 'in_warehouse', receivedFor(-10));
  await plant('p1-partner', partner, 'accepted', receivedFor(3));
  await plant('t1-arrived-today', partner, 'in_warehouse', dayStart);
  await plant('t0-arrived-yesterday', partner, 'in_warehouse', new Date(dayStart.getTime() - 1));
});
afterAll(async () => world?.close());

const notices = async () =>
  (await world.db.select({ id: itemNotices.orderItemId, kind: itemNotices.kind }).from(itemNotices).orderBy(asc(itemNotices.orderItemId), asc(itemNotices.kind))).map(
    (n) => `${Object.keys(item).find((k) => item[k] === n.id)}:${n.kind}`,
  );
const reminderEmails = () => world.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'storage-reminder')).orderBy(asc(emailOutbox.id));

describe('storage reminders', () => {
  it('claims the one due reminder per item once, even when two runs race, and records one fact per shopper', async () => {
    const runs = await Promise.all([queueStorageReminders(world.db, { now }), queueStorageReminders(world.db, { now })]);
    expect(runs.reduce((sum, r) => sum + r.items, 0)).toBe(3);
    expect(runs.reduce((sum, r) => sum + r.shoppers, 0)).toBe(2);
    // Never the 14-day reminder for an item first seen with 5 days left, nor any for a packed item,
    // one not yet 14 days from its end, one already over, or a partner's.
    expect(await notices()).toEqual(['a1-10-days-left:storage_14', 'a2-5-days-left:storage_7', 'b1-half-day-left:storage_1']);
    const facts = await world.db.select().from(orderEvents).where(eq(orderEvents.type, STORAGE_REMINDER_FACT)).orderBy(asc(orderEvents.subjectId));
    expect(facts.map((f) => [f.subjectType, f.subjectId, (f.payload as { items: unknown[] }).items.length])).toEqual([
      ['user', shopperA.id, 2],
      ['user', shopperB.id, 1],
    ]);
    expect(await queueStorageReminders(world.db, { now })).toEqual({ shoppers: 0, items: 0 });
  });

  it('lets only one of two runs that both found the same reminders due claim each', async () => {
    // Both runs chose before either claimed (the window the job's own check cannot close).
    const due = [
      { orderItemId: item['a3-20-days-left']!, kind: 'storage_14' as const },
      { orderItemId: item['b3-10-days-over']!, kind: 'storage_1' as const },
    ];
    const [first, second, third] = await Promise.all([
      claimStorageReminders(world.db, shopperA.id, due, now),
      claimStorageReminders(world.db, shopperA.id, [...due].reverse(), now),
      claimStorageReminders(world.db, shopperA.id, due, now),
    ]);
    expect([first, second, third].sort()).toEqual([0, 0, 2]);
    const facts = await world.db.select().from(orderEvents).where(eq(orderEvents.type, STORAGE_REMINDER_FACT));
    expect(facts).toHaveLength(3);
    // Planted claims, not real reminders: taken back so the relay below sends only the job's.
    await world.db.delete(orderEvents).where(eq(orderEvents.id, facts.at(-1)!.id));
    await world.db.delete(itemNotices).where(inArray(itemNotices.orderItemId, due.map((d) => d.orderItemId)));
  });

  it('sends one email per shopper, in their language, listing their items, and never again', async () => {
    await runRelay(world.db, eventSubscribers);
    await runRelay(world.db, eventSubscribers);
    const emails = await reminderEmails();
    expect(emails.map((e) => e.to)).toEqual(expect.arrayContaining([shopperA.email, shopperB.email]));
    expect(emails).toHaveLength(2);
    const toA = emails.find((e) => e.to === shopperA.email)!;
    expect(toA.subject).toContain('2 件商品');
    expect(toA.text).toContain('a1-10-days-left');
    expect(toA.text).toContain('a2-5-days-left');
    expect(toA.text).not.toContain('a3-20-days-left');
    expect(toA.text).toContain('¥0.50');
    const toB = emails.find((e) => e.to === shopperB.email)!;
    expect(toB.subject).toBe('Free storage ends soon for 1 item');
    expect(toB.text).toContain('b1-half-day-left');
  });

  it('sends the next threshold when it is reached, and only that one', async () => {
    const later = new Date(now.getTime() + 4 * DAY);
    const run = await queueStorageReminders(world.db, { now: later });
    // a1 now has 6 days left (the 7-day reminder), a2 has 1 (the 1-day one); b1's period is over.
    expect(run).toEqual({ shoppers: 1, items: 2 });
    const kinds = await world.db.select({ kind: itemNotices.kind }).from(itemNotices).where(inArray(itemNotices.orderItemId, [item['a1-10-days-left']!, item['a2-5-days-left']!]));
    expect(kinds.map((k) => k.kind).sort()).toEqual(['storage_1', 'storage_14', 'storage_7', 'storage_7']);
    expect(await queueStorageReminders(world.db, { now: later })).toEqual({ shoppers: 0, items: 0 });
  });
});

describe('storage queue', () => {
  it('lists stored items past their free period, oldest first, with days over and the fee so far', async () => {
    const list = await listStoredItems(world.db, { view: 'expired', page: 1, pageSize: 50, now });
    expect(list.total).toBe(2);
    expect(list.items.map((i) => [i.title, i.storage.daysOver, i.storage.feeFen])).toEqual([
      ['b3-10-days-over', 10, 500],
      // 2 days less a minute over: two started days.
      ['b2-2-days-over', 2, 100],
    ]);
    const second = await listStoredItems(world.db, { view: 'expired', page: 2, pageSize: 1, now });
    expect(second.items.map((i) => i.title)).toEqual(['b2-2-days-over']);
    const expiring = await listStoredItems(world.db, { view: 'expiring', page: 1, pageSize: 50, now });
    expect(expiring.items.map((i) => i.title)).toEqual(['b1-half-day-left', 'p1-partner', 'a2-5-days-left', 'a1-10-days-left']);
  });
});

describe('warehouse board', () => {
  it('counts every state from the planted data and lists the first of each', async () => {
    const [seller] = await world.db.select({ id: sellers.id, sourceId: sellers.sourceId }).from(sellers).limit(1);
    const [po] = await world.db
      .insert(purchaseOrders)
      .values({ reference: 'PO-BOARD-1', platform: '1688', sellerId: seller!.id, sellerSourceId: seller!.sourceId, expectedGoodsMinor: 100 })
      .$returningId();
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    await world.db.insert(inboundShipments).values([
      { purchaseOrderId: po!.id, trackingNumber: 'YT-ON-TIME', status: 'expected', shippedAt: at(1) },
      { purchaseOrderId: po!.id, trackingNumber: 'YT-LATE', status: 'expected', shippedAt: at(8) },
      { purchaseOrderId: po!.id, trackingNumber: 'YT-RECEIVED', status: 'received', shippedAt: at(9), receivedAt: at(2) },
    ]);
    await world.db.insert(unclaimedInbounds).values([{ trackingNumber: 'NOBODY-1' }, { trackingNumber: 'NOBODY-2', status: 'assigned' }]);

    const board = await getWarehouseBoard(world.db, { now });
    expect(board.counts).toEqual({
      expected: 2,
      late: 1,
      arrived_today: 1,
      awaiting_photos: 4,
      awaiting_decision: 1,
      returns: 1,
      unclaimed: 1,
      expiring: 4,
      expired: 2,
    });
    expect(board.parcels.late.map((p) => p.trackingNumber)).toEqual(['YT-LATE']);
    expect(board.parcels.expected.map((p) => p.trackingNumber)).toEqual(['YT-LATE', 'YT-ON-TIME']);
    expect(board.unclaimed.map((u) => u.trackingNumber)).toEqual(['NOBODY-1']);
    expect(board.items.arrived_today.map((i) => i.title)).toEqual(['t1-arrived-today']);
    expect(board.items.awaiting_photos.map((i) => i.title)).toEqual(['b3-10-days-over', 'a1-10-days-left', 't0-arrived-yesterday', 't1-arrived-today']);
    expect(board.items.awaiting_decision.map((i) => i.title)).toEqual(['a3-20-days-left']);
    expect(board.items.returns.map((i) => i.title)).toEqual(['b1-half-day-left']);
    expect(board.items.expired.map((i) => i.title)).toEqual(['b3-10-days-over', 'b2-2-days-over']);
    // Counts equal the lists where fewer than ten wait.
    for (const view of ['arrived_today', 'awaiting_photos', 'awaiting_decision', 'returns', 'expiring', 'expired'] as const) expect(board.items[view]).toHaveLength(board.counts[view]);
    expect(await world.db.select().from(itemNotices).where(and(eq(itemNotices.orderItemId, item['p1-partner']!)))).toHaveLength(0);
  });
});
