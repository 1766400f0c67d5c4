import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { promisify } from 'node:util';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, orderItems, orders, paymentLedger } from '@/db/schema';
import { parcelItems, parcels } from '@/db/schema/parcels';
import { shippingLines } from '@/db/schema/shipping';
import { walletBalances, walletEntries } from '@/db/schema/wallet';
import { createUser } from '@/lib/auth/create-user';
import { cancelParcel } from '@/lib/parcels/cancel-parcel';
import { createParcel, type CreateParcelInput } from '@/lib/parcels/create-parcel';
import { markParcelDelivered, markParcelDispatched } from '@/lib/parcels/dispatch';
import { parcelDispatchHooks } from '@/lib/parcels/dispatch-hooks';
import { completeDeliveredOrders, parcelDeliveries } from '@/lib/parcels/deliveries';
import { dispatchParcel } from '@/lib/shipping-tracking/dispatch-parcel';
import { shipmentLabelPdf } from '@/lib/shipping-tracking/dispatch-shipment';
import { shipments } from '@/db/schema/shipments';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { payParcelFromWallet } from '@/lib/parcels/pay-from-wallet';
import { quoteParcel } from '@/lib/parcels/quote-parcel';
import { quoteShipping } from '@/lib/shipping/quote-shipping';
import { creditWallet } from '@/lib/wallet/entries';
import { deliverWebhook } from '../support/purchasing-world';
import { createCheckoutWorld, type CheckoutWorld } from '../support/checkout-fixtures';
import { acceptedItems as acceptedItemsOf, parcelPaidEvent as paidEvent } from '../support/parcel-fixtures';

// Parcels against real MariaDB and Redis: consolidation priced by the one shipping quote, items
// reserved to one live parcel, cancel giving them back, the card webhook paying once, the wallet,
// settlement after packing exactly once under concurrent packs, dispatch, and `ferry parcel pack`.
const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const address = { name: 'Ana Ruiz', line1: 'Calle Mayor 1', line2: null, city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' };

let world: CheckoutWorld;
let shopper: { id: number; email: string };
let stranger: { id: number; email: string };
let emsLineId: number;

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_parcels', 6);
  shopper = await createUser(world.db, { email: `parcel-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  stranger = await createUser(world.db, { email: `parcel-other-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  const [ems] = await world.db.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.code, 'ems'));
  emsLineId = ems!.id;
});
afterAll(async () => world?.close());

const actor = (user = shopper) => ({ type: 'user' as const, id: user.id, label: user.email });

/** A paid order of the shopper's with `n` lines, its items received, weighed and accepted. */
const acceptedItems = (n: number, grams = 400, user = shopper) => acceptedItemsOf(world, user, n, grams);

const input = (itemIds: number[], overrides: Partial<CreateParcelInput> = {}): CreateParcelInput => ({
  owner: { type: 'user', userId: shopper.id },
  itemIds,
  lineId: emsLineId,
  address,
  services: [],
  currency: 'EUR',
  gateway: 'sandbox',
  actor: actor(),
  ...overrides,
});

async function parcelRow(id: number) {
  const [row] = await world.db.select().from(parcels).where(eq(parcels.id, id));
  return row!;
}
async function itemStatuses(ids: number[]) {
  const rows = await world.db.select({ status: orderItems.fulfilmentStatus }).from(orderItems).where(inArray(orderItems.id, ids)).orderBy(asc(orderItems.id));
  return rows.map((r) => r.status);
}
const parcelEvents = (id: number, type: string) => world.db.select().from(orderEvents).where(and(eq(orderEvents.subjectType, 'parcel'), eq(orderEvents.subjectId, id), eq(orderEvents.type, type)));

async function paidParcel(grams = 400, lines = 2) {
  const parcel = await createParcel(world.db, input(await acceptedItems(lines, grams)));
  expect(await deliverWebhook(world, paidEvent(parcel))).toBe('parcel_paid');
  return parcelRow(parcel.id);
}

describe('consolidation', () => {
  it('estimates with the one quote function: the parcel agrees with the quote of the same parcel', async () => {
    const itemIds = await acceptedItems(2, 450);
    const parcel = await createParcel(world.db, input(itemIds));
    const items = await world.db.select().from(orderItems).where(inArray(orderItems.id, itemIds));
    const viaParcel = await quoteParcel(world.db, { items, country: 'ES', currency: 'EUR', declaredValueCny: parcel.declaredValueCnyMinor, goods: [] });
    const direct = await quoteShipping(world.db, { country: 'ES', grams: parcel.estimateGrams, dims: parcel.estimateDims, currency: 'EUR', declaredValueCny: parcel.declaredValueCnyMinor });
    const ems = direct.quotes.find((q) => q.lineId === emsLineId)!;
    expect(parcel.estimateGrams).toBe(900 + 200);
    expect(viaParcel.result.quotes.find((q) => q.lineId === emsLineId)).toEqual(ems);
    expect(parcel).toMatchObject({ status: 'awaiting_payment', estimateChargeableGrams: ems.chargeableGrams, estimateShippingMinor: ems.price.amountMinor, chargeMinor: ems.price.amountMinor, rate: direct.rate.rate });
    expect(await itemStatuses(itemIds)).toEqual(['in_parcel', 'in_parcel']);
    const paidCny = items.reduce((t, i) => t + i.unitPriceCnyMinor * i.quantity, 0);
    expect(parcel.declaredValueCnyMinor).toBe(paidCny);
  });

  it('refuses others’ items and unaccepted items (409) and a line that cannot take the parcel (422), writing nothing', async () => {
    const theirs = await acceptedItems(1, 400, stranger);
    await expect(createParcel(world.db, input(theirs))).rejects.toMatchObject({ code: 'items_unavailable', status: 409 });
    const [mine] = await acceptedItems(1);
    await world.db.update(orderItems).set({ fulfilmentStatus: 'in_warehouse' }).where(eq(orderItems.id, mine!));
    await expect(createParcel(world.db, input([mine!]))).rejects.toMatchObject({ code: 'items_unavailable', status: 409 });
    const heavy = await acceptedItems(1, 40_000);
    await expect(createParcel(world.db, input(heavy))).rejects.toMatchObject({ code: 'line_unavailable', status: 422, details: { reason: 'over_max_weight' } });
    await expect(createParcel(world.db, input(heavy, { address: { ...address, country: 'AQ', postalCode: null } }))).rejects.toMatchObject({ details: { reason: 'destination_not_served' } });
    expect(await itemStatuses([...theirs, ...heavy])).toEqual(['accepted', 'accepted']);
    const count = await world.db.select({ id: parcelItems.id }).from(parcelItems).where(inArray(parcelItems.orderItemId, [...theirs, mine!, ...heavy]));
    expect(count).toHaveLength(0);
  });

  it('never lowers a declared value below what was paid, and adds insurance at the line’s rate on it', async () => {
    const itemIds = await acceptedItems(1);
    const [item] = await world.db.select().from(orderItems).where(eq(orderItems.id, itemIds[0]!));
    const paid = item!.unitPriceCnyMinor * item!.quantity;
    await expect(createParcel(world.db, input(itemIds, { declaredValues: [{ itemId: itemIds[0]!, cnyMinor: paid - 1 }] }))).rejects.toMatchObject({ code: 'validation_failed' });
    const parcel = await createParcel(world.db, input(itemIds, { services: ['insurance', 'packed_photos'], declaredValues: [{ itemId: itemIds[0]!, cnyMinor: paid * 100 }] }));
    expect(parcel.declaredValueCnyMinor).toBe(paid * 100);
    // EMS insures at 1 % (at least its minimum); photos cost the setting's 500 fen.
    expect(parcel.insuranceCnyMinor).toBeGreaterThanOrEqual(Math.round(paid));
    expect(parcel.servicesCnyMinor).toBe(500);
    expect(parcel.totalCnyMinor).toBe(parcel.estimateShippingCnyMinor + parcel.insuranceCnyMinor + 500);
    expect(parcel.chargeMinor).toBeGreaterThan(parcel.estimateShippingMinor);
  });

  it('reserves an item to one parcel when five creates race for it', async () => {
    const itemIds = await acceptedItems(2);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createParcel(world.db, input(itemIds))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'items_unavailable' });
    const rows = await world.db.select().from(parcelItems).where(inArray(parcelItems.orderItemId, itemIds));
    expect(rows).toHaveLength(2);
  });

  it('cancel gives the items back (once) for another parcel; a stranger cannot cancel', async () => {
    const itemIds = await acceptedItems(2);
    const parcel = await createParcel(world.db, input(itemIds));
    await expect(cancelParcel(world.db, { number: parcel.number, owner: { type: 'user', userId: stranger.id }, actor: actor(stranger) })).rejects.toMatchObject({ code: 'not_found' });
    await cancelParcel(world.db, { number: parcel.number, owner: { type: 'user', userId: shopper.id }, actor: actor() });
    await expect(cancelParcel(world.db, { number: parcel.number, owner: { type: 'user', userId: shopper.id }, actor: actor() })).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await parcelRow(parcel.id)).status).toBe('cancelled');
    expect(await itemStatuses(itemIds)).toEqual(['accepted', 'accepted']);
    const again = await createParcel(world.db, input(itemIds));
    expect(again.status).toBe('awaiting_payment');
  });
});

describe('payment', () => {
  it('a card payment’s webhook pays the parcel once, however often it is replayed', async () => {
    const parcel = await createParcel(world.db, input(await acceptedItems(1)));
    const intentId = `pi_${randomUUID()}`;
    const event = paidEvent(parcel, { intentId }, `evt_${randomUUID()}`);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await deliverWebhook(world, event));
    // The same payment under other event ids (the gateway's retries) is a duplicate too.
    outcomes.push(await deliverWebhook(world, paidEvent(parcel, { intentId })));
    expect(outcomes).toEqual(['parcel_paid', 'redelivery', 'redelivery', 'redelivery', 'redelivery', 'duplicate_payment']);
    expect((await parcelRow(parcel.id)).status).toBe('paid');
    expect(await world.db.select().from(paymentLedger).where(eq(paymentLedger.transactionId, intentId))).toHaveLength(1);
    expect(await parcelEvents(parcel.id, 'parcel.paid')).toHaveLength(1);
  });

  it('flags a payment of another amount and moves nothing', async () => {
    const parcel = await createParcel(world.db, input(await acceptedItems(1)));
    const intentId = `pi_${randomUUID()}`;
    expect(await deliverWebhook(world, paidEvent(parcel, { intentId, amount: parcel.chargeMinor - 1 }))).toBe('flagged');
    expect((await parcelRow(parcel.id)).status).toBe('awaiting_payment');
    const [row] = await world.db.select().from(paymentLedger).where(eq(paymentLedger.transactionId, intentId));
    expect(row).toMatchObject({ status: 'flagged', userId: shopper.id });
  });

  it('pays from the wallet once; a short balance pays a part and the card the rest', async () => {
    const parcel = await createParcel(world.db, input(await acceptedItems(1)));
    await creditWallet(world.db, 'adjustment', { userId: shopper.id, currency: 'EUR', amountMinor: parcel.chargeMinor + 100, source: `test:${randomUUID()}`, actor: actor() });
    const [first, second] = await Promise.all([1, 2].map(() => payParcelFromWallet(world.db, { userId: shopper.id, number: parcel.number, actor: actor() })));
    expect([first!.outcome, second!.outcome].sort()).toEqual(['already_paid', 'paid']);
    expect((await parcelRow(parcel.id)).status).toBe('paid');
    const spent = await world.db.select().from(walletEntries).where(eq(walletEntries.source, `parcel:${parcel.id}`));
    expect(spent).toHaveLength(1);
    expect(spent[0]!.amountMinor).toBe(-parcel.chargeMinor);

    const part = await createParcel(world.db, input(await acceptedItems(1)));
    await expect(payParcelFromWallet(world.db, { userId: shopper.id, number: part.number, actor: actor() })).rejects.toMatchObject({ code: 'insufficient_funds' });
    const partPaid = await payParcelFromWallet(world.db, { userId: shopper.id, number: part.number, actor: actor(), allowPart: true });
    expect(partPaid).toEqual({ outcome: 'part_paid', walletMinor: 100, dueByCardMinor: part.chargeMinor - 100 });
    // The card must bring exactly the rest.
    expect(await deliverWebhook(world, paidEvent(part, { amount: part.chargeMinor }))).toBe('flagged');
    expect(await deliverWebhook(world, paidEvent(part, { amount: part.chargeMinor - 100 }))).toBe('parcel_paid');
    const [balance] = await world.db.select().from(walletBalances).where(and(eq(walletBalances.userId, shopper.id), eq(walletBalances.currency, 'EUR')));
    expect(balance!.balanceMinor).toBe(0);
  });
});

describe('packing and settlement', () => {
  it('a heavier parcel asks a top-up once under five concurrent packs, and the paid top-up readies it', async () => {
    const parcel = await paidParcel(400, 2);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => packParcel(world.db, { number: parcel.number, weightGrams: 2400, dims: { lengthCm: 30, widthCm: 20, heightCm: 10 }, actor: actor() })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const packed = await parcelRow(parcel.id);
    expect(packed).toMatchObject({ status: 'awaiting_topup', settlementAction: 'topup', settlementStatus: 'open', packedChargeableGrams: 2500 });
    // EMS: 500 g first + 500 g units; the estimate was 1,000 g (800 + 200), packed 2,500 g: three units more.
    expect(packed.settlementCnyMinor).toBe(packed.packedShippingCnyMinor! - packed.estimateShippingCnyMinor);
    expect(packed.settlementMinor).toBeGreaterThan(0);
    expect(await parcelEvents(parcel.id, 'parcel.packed')).toHaveLength(1);
    expect(await deliverWebhook(world, paidEvent(packed, { charge: 'topup', amount: packed.settlementMinor! }))).toBe('parcel_topup_paid');
    expect(await parcelRow(parcel.id)).toMatchObject({ status: 'ready_to_dispatch', settlementStatus: 'paid' });
  });

  it('a parcel lighter by more than one unit is refunded to the wallet once; within one unit settles nothing', async () => {
    const parcel = await paidParcel(1400, 2);
    const before = await world.db.select().from(walletEntries).where(eq(walletEntries.source, `parcel_settlement:${parcel.id}`));
    expect(before).toHaveLength(0);
    await Promise.allSettled(Array.from({ length: 5 }, () => packParcel(world.db, { number: parcel.number, weightGrams: 1000, dims: { lengthCm: 20, widthCm: 15, heightCm: 10 }, actor: actor() })));
    const packed = await parcelRow(parcel.id);
    expect(packed).toMatchObject({ status: 'ready_to_dispatch', settlementAction: 'refund', settlementStatus: 'refunded' });
    const refunds = await world.db.select().from(walletEntries).where(eq(walletEntries.source, `parcel_settlement:${parcel.id}`));
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ kind: 'refund', amountMinor: packed.settlementMinor, currency: 'EUR' });

    const close = await paidParcel(400, 2);
    const packedClose = await packParcel(world.db, { number: close.number, weightGrams: 700, dims: { lengthCm: 20, widthCm: 15, heightCm: 8 }, actor: actor() });
    expect(packedClose).toMatchObject({ status: 'ready_to_dispatch', settlementAction: 'none', settlementMinor: 0 });
  });

  it('refuses an unpaid parcel and bad measures', async () => {
    const parcel = await createParcel(world.db, input(await acceptedItems(1)));
    await expect(packParcel(world.db, { number: parcel.number, weightGrams: 500, dims: { lengthCm: 10, widthCm: 10, heightCm: 10 }, actor: actor() })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(packParcel(world.db, { number: parcel.number, weightGrams: -5, dims: { lengthCm: 10, widthCm: 10, heightCm: 10 }, actor: actor() })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('dispatch ships the parcel, its items and their orders; delivery delivers them', async () => {
    const parcel = await paidParcel(400, 2);
    await packParcel(world.db, { number: parcel.number, weightGrams: 800, dims: { lengthCm: 20, widthCm: 15, heightCm: 8 }, actor: actor() });
    const shipped = await world.db.transaction((tx) => markParcelDispatched(tx, { parcelId: parcel.id, trackingNumber: 'EE123456789CN', carrier: 'EMS', actor: actor() }));
    expect(shipped).toBe(true);
    expect(await world.db.transaction((tx) => markParcelDispatched(tx, { parcelId: parcel.id, trackingNumber: 'EE123456789CN', carrier: 'EMS', actor: actor() }))).toBe(false);
    const items = await world.db.select({ id: parcelItems.orderItemId }).from(parcelItems).where(eq(parcelItems.parcelId, parcel.id));
    expect(await itemStatuses(items.map((i) => i.id))).toEqual(['shipped', 'shipped']);
    const [item] = await world.db.select({ orderId: orderItems.orderId }).from(orderItems).where(eq(orderItems.id, items[0]!.id));
    const [order] = await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, item!.orderId));
    expect(order!.status).toBe('shipped');
    expect(await parcelRow(parcel.id)).toMatchObject({ status: 'shipped', trackingNumber: 'EE123456789CN', carrier: 'EMS' });
    const at = new Date('2026-12-20T10:00:00Z');
    expect(await world.db.transaction((tx) => markParcelDelivered(tx, { parcelId: parcel.id, at }))).toBe(true);
    expect(await parcelRow(parcel.id)).toMatchObject({ status: 'delivered', deliveredAt: at });
    expect(await itemStatuses(items.map((i) => i.id))).toEqual(['delivered', 'delivered']);
  });
});

describe('dispatch through the tracking module, and completion', () => {
  it('dispatches once with a tracking number and label, the carrier’s delivery delivers, and the orders complete after the dispute window', async () => {
    const parcel = await paidParcel(400, 2);
    await packParcel(world.db, { number: parcel.number, weightGrams: 800, dims: { lengthCm: 20, widthCm: 15, heightCm: 8 }, actor: actor() });
    const dispatched = await dispatchParcel(world.db, parcelDispatchHooks, parcel.number, actor());
    expect(dispatched).toMatchObject({ parcelNumber: parcel.number, status: 'shipped' });
    expect(dispatched.trackingNumber).toMatch(/^[A-Z0-9]{10,30}$/);
    // A second click: not ready any more, and no second shipment.
    await expect(dispatchParcel(world.db, parcelDispatchHooks, parcel.number, actor())).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await world.db.select().from(shipments).where(eq(shipments.parcelId, parcel.id))).toHaveLength(1);
    // The shopper's "on its way" email is told once, with the shipment.
    const [shipment] = await world.db.select().from(shipments).where(eq(shipments.parcelId, parcel.id));
    const told = await world.db.select({ type: orderEvents.type }).from(orderEvents).where(and(eq(orderEvents.subjectType, 'shipment'), eq(orderEvents.subjectId, shipment!.id)));
    expect(told.map((f) => f.type)).toEqual(['shipment.dispatched']);
    expect(await parcelRow(parcel.id)).toMatchObject({ status: 'shipped', trackingNumber: dispatched.trackingNumber });
    const label = await shipmentLabelPdf(world.db, dispatched.trackingNumber);
    expect(Buffer.from(label!).subarray(0, 5).toString()).toBe('%PDF-');

    const items = await world.db.select({ id: parcelItems.orderItemId }).from(parcelItems).where(eq(parcelItems.parcelId, parcel.id));
    const [item] = await world.db.select({ orderId: orderItems.orderId }).from(orderItems).where(eq(orderItems.id, items[0]!.id));
    const orderStatus = async () => (await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, item!.orderId)))[0]!.status;
    expect(await orderStatus()).toBe('shipped');

    // The carrier's delivery, relayed at least once: delivered at the carrier's time, once.
    const deliveredAt = new Date(Date.now() - 10 * 86_400_000);
    const event = { id: 1, type: 'shipment.delivered', subjectType: 'shipment', subjectId: 1, orderId: null, payload: { parcelId: parcel.id, number: dispatched.trackingNumber, at: deliveredAt.toISOString() }, createdAt: new Date() };
    await parcelDeliveries.handle(event, { db: world.db, deliveryKey: 'k', attempt: 1 });
    await parcelDeliveries.handle(event, { db: world.db, deliveryKey: 'k', attempt: 2 });
    expect(await parcelRow(parcel.id)).toMatchObject({ status: 'delivered', deliveredAt });
    expect(await itemStatuses(items.map((i) => i.id))).toEqual(['delivered', 'delivered']);

    // Within the window nothing completes; after it (10 days > the default 7), the order does, once.
    await completeDeliveredOrders(world.db, world.redis, new Date(deliveredAt.getTime() + 86_400_000));
    expect(await orderStatus()).toBe('shipped');
    expect(await completeDeliveredOrders(world.db, world.redis)).toBeGreaterThanOrEqual(1);
    expect(await orderStatus()).toBe('completed');
    expect(await completeDeliveredOrders(world.db, world.redis)).toBe(0);
  });
});

describe('ferry parcel pack', () => {
  async function ferry(...args: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
    try {
      const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: world.url, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
        timeout: 60_000,
      });
      return { code: 0, json: JSON.parse(stdout), stderr };
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, json: null, stderr: e.stderr };
    }
  }

  it('photographs a rehearsal and prices it; refuses a missing file, a text file and an unknown parcel', async () => {
    const parcel = await createParcel(world.db, input(await acceptedItems(1), { services: ['rehearsal'] }));
    const early = await ferry('parcel', 'pack', '--parcel', parcel.number, '--weight-grams', '700', '--dims', '15x10x10');
    expect(early.code).not.toBe(0);
    expect(early.stderr).toMatch(/^ferry: .*Photograph the packed parcel first/);
    const dir = await mkdtemp(path.join(tmpdir(), 'ferry-parcel-cli-'));
    const photo = path.join(dir, 'box.jpg');
    const text = path.join(dir, 'box.txt');
    await writeFile(photo, await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 10, g: 90, b: 30 } } }).jpeg().toBuffer());
    await writeFile(text, 'not a photo');
    for (const args of [['--parcel', parcel.number], ['--parcel', parcel.number, '--file', text], ['--parcel', 'P000000-NOPENOPE', '--file', photo], ['--parcel', parcel.number, '--file', path.join(dir, 'missing.jpg')]]) {
      const bad = await ferry('parcel', 'photo', ...args);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/^ferry: /);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await ferry('parcel', 'photo', '--parcel', parcel.number, '--file', photo)).json).toEqual({ parcelNumber: parcel.number, photos: 1 });
    const priced = await ferry('parcel', 'pack', '--parcel', parcel.number, '--weight-grams', '700', '--dims', '15x10x10');
    expect(priced.json).toMatchObject({ parcelNumber: parcel.number, status: 'awaiting_payment', settlement: { action: 'none' } });
  }, 120_000);

  it('packs and prints the settlement; refuses bad input and a second pack with one line on stderr', async () => {
    const parcel = await paidParcel(400, 2);
    const packed = await ferry('parcel', 'pack', '--parcel', parcel.number, '--weight-grams', '2400', '--dims', '30x20x10');
    expect(packed.code).toBe(0);
    const row = await parcelRow(parcel.id);
    expect(packed.json).toEqual({ parcelNumber: parcel.number, status: 'awaiting_topup', chargeableGrams: 2500, settlement: { action: 'topup', amount: { amountMinor: row.settlementMinor, currency: 'EUR' } } });
    const again = await ferry('parcel', 'pack', '--parcel', parcel.number, '--weight-grams', '2400', '--dims', '30x20x10');
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    for (const args of [
      ['--parcel', parcel.number, '--weight-grams', '-1', '--dims', '30x20x10'],
      ['--parcel', parcel.number, '--weight-grams', '500', '--dims', '30x20'],
      ['--parcel', 'nope', '--weight-grams', '500', '--dims', '30x20x10'],
    ]) {
      const bad = await ferry('parcel', 'pack', ...args);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/^ferry: parcel pack: /);
    }
  }, 120_000);
});
