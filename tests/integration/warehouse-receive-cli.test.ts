import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inboundShipments, orderEvents, orderItems, orders, purchaseOrders, unclaimedInbounds } from '@/db/schema';
import { findPartnerOrder } from '@/lib/api/queries/find-partner-order';
import { AppError } from '@/lib/errors';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { pollUpstreamOrders } from '@/lib/supplier-push/poll-upstream-orders';
import { getConnector } from '@/lib/suppliers/registry';
import { assignUnclaimedInbound, normalizeTrackingNumber, receiveParcel } from '@/lib/warehouse/receive-parcel';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// The warehouse's receiving, as `ferry warehouse receive` does it against real MariaDB and the 1688
// sandbox: the seller ships, the tracking number becomes expected, the parcel is scanned (twice).
const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let world: PurchasingWorld;
let sellers: CatalogSku[][];

beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_receive_cli');
  sellers = await skusBySeller(world);
});
afterAll(async () => world?.close());

async function ferry(...args: string[]): Promise<{ code: number; json: unknown; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: world.url, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
      timeout: 60_000,
    });
    return { code: 0, json: JSON.parse(stdout), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, json: null, stderr: e.stderr };
  }
}

type SandboxView = { id: string; packages: { billNo: string }[] };

/** A paid order of one seller's SKU, bought upstream; optionally shipped, with its tracking number known to Ferry. */
async function boughtOrder(seller: CatalogSku[], ship: boolean) {
  await world.control(`/__sandbox/offers/${seller[0]!.offerId}/skus/${seller[0]!.sourceSkuId}`, 'POST', { stock: 100 });
  const order = await placePaidOrder(world, [{ skuId: seller[0]!.skuId, quantity: 1 }]);
  await runPurchasing(world.db, world.redis);
  const [item] = await world.db.select({ id: orderItems.id, poId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.orderId, order.id));
  const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, item!.poId!));
  expect(po!.status).toBe('placed');
  if (!ship) return { order, po: po!, itemId: item!.id, tracking: null };
  const shipped = await world.control<SandboxView>(`/__sandbox/orders/${po!.upstreamOrderId}/ship`, 'POST', { packages: 1 });
  await pollUpstreamOrders(world.db, { connectors: [getConnector('1688')], now: new Date(Date.now() + 1000) });
  await runRelay(world.db, eventSubscribers);
  const [expected] = await world.db.select().from(inboundShipments).where(eq(inboundShipments.purchaseOrderId, po!.id));
  expect(expected).toMatchObject({ trackingNumber: shipped.packages[0]!.billNo, status: 'expected' });
  return { order, po: po!, itemId: item!.id, tracking: shipped.packages[0]!.billNo };
}

const statusOf = async (orderId: number) => (await world.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.status;

describe('ferry warehouse receive', () => {
  it('receives a shipped parcel by its tracking number, weighs the item and the order arrives; a second scan changes nothing', async () => {
    const { order, itemId, tracking, po } = await boughtOrder(sellers[0]!, true);
    const first = await ferry('warehouse', 'receive', '--tracking', ` ${tracking!.toLowerCase()} `, '--weight-grams', '480', '--dims', '30x20x5.5');
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ code: 0, json: { matched: true, items: [{ itemId, orderNumber: order.number, status: 'in_warehouse' }] } });
    const [item] = await world.db.select().from(orderItems).where(eq(orderItems.id, itemId));
    expect(item).toMatchObject({ fulfilmentStatus: 'in_warehouse', weightGrams: 480, lengthMm: 300, widthMm: 200, heightMm: 55 });
    expect(await statusOf(order.id)).toBe('arrived');
    const [parcel] = await world.db.select().from(inboundShipments).where(eq(inboundShipments.purchaseOrderId, po.id));
    expect(parcel!.status).toBe('received');
    // The partner that placed it reads the item's fulfilment in the open API's shape.
    const api = await findPartnerOrder(world.db, 'http://localhost:3100', 'pk_purchasing_test', order.number);
    const receivedAt = item!.receivedAt!;
    expect(api!.items[0]).toMatchObject({
      itemId,
      fulfilment: { status: 'in_warehouse', domesticTracking: tracking, receivedAt: receivedAt.toISOString(), weightGrams: 480, photos: [], parcelNumber: null, storageUntil: new Date(receivedAt.getTime() + 90 * 86_400_000).toISOString() },
    });

    const again = await ferry('warehouse', 'receive', '--tracking', tracking!, '--weight-grams', '999');
    expect(again).toMatchObject({ code: 0, json: first.json });
    const [still] = await world.db.select().from(orderItems).where(eq(orderItems.id, itemId));
    expect(still).toMatchObject({ weightGrams: 480, fulfilmentVersion: 1 });
    const events = await world.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'item.received')));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ actor: { type: 'cli' } });
  });

  it('keeps a parcel nobody expects as unclaimed, once, and receives its order when staff assign it', async () => {
    const { order, itemId, po } = await boughtOrder(sellers[1]!, false);
    const stray = 'SF1234567890123';
    const first = await ferry('warehouse', 'receive', '--tracking', stray, '--weight-grams', '1200');
    expect(first.code).toBe(0);
    const { inboundId } = first.json as { matched: false; inboundId: number };
    expect(first.json).toEqual({ matched: false, inboundId: expect.any(Number) });
    expect(await ferry('warehouse', 'receive', '--tracking', stray)).toMatchObject({ code: 0, json: { matched: false, inboundId } });
    const kept = await world.db.select().from(unclaimedInbounds).where(eq(unclaimedInbounds.trackingNumber, stray));
    expect(kept).toMatchObject([{ id: inboundId, status: 'unclaimed', weightGrams: 1200 }]);

    const staff = { type: 'user' as const, id: 9, label: 'warehouse@ferry.test' };
    const assigned = await assignUnclaimedInbound(world.db, { inboundId, purchaseOrderReference: po.reference }, staff);
    expect(assigned).toEqual({ matched: true, items: [{ itemId, orderNumber: order.number, status: 'in_warehouse' }] });
    expect(await statusOf(order.id)).toBe('arrived');
    const [item] = await world.db.select({ weightGrams: orderItems.weightGrams }).from(orderItems).where(eq(orderItems.id, itemId));
    expect(item!.weightGrams).toBe(1200);
    // From now on the number is that order's parcel: a scan matches it.
    expect(await receiveParcel(world.db, { trackingNumber: stray }, staff)).toEqual(assigned);
    await expect(assignUnclaimedInbound(world.db, { inboundId, purchaseOrderReference: po.reference }, staff)).rejects.toMatchObject({ code: 'invalid_transition' });
    const audit = await world.db.select().from(auditLog).where(eq(auditLog.action, 'warehouse.unclaimed_assigned'));
    expect(audit).toMatchObject([{ actorId: '9', subjectId: String(inboundId) }]);
  });

  it('takes what was found for the one line --item names, printing the same contract, and refuses an outcome without its note or its line', async () => {
    const { order, itemId, tracking } = await boughtOrder(sellers[2]!, true);
    for (const args of [
      ['--outcome', 'damaged', '--note', 'lid cracked'],
      ['--item', String(itemId), '--outcome', 'damaged'],
      ['--item', String(itemId), '--outcome', 'damaged', '--note', '   '],
      ['--item', String(itemId), '--outcome', 'short', '--note', 'one missing'],
      ['--item', String(itemId), '--outcome', 'lost', '--note', 'gone'],
      ['--item', 'IT12', '--outcome', 'damaged', '--note', 'x'],
    ]) {
      const result = await ferry('warehouse', 'receive', '--tracking', tracking!, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^ferry: warehouse receive: /);
    }
    const [before] = await world.db.select({ status: orderItems.fulfilmentStatus }).from(orderItems).where(eq(orderItems.id, itemId));
    expect(before!.status).toBe('upstream');

    const received = await ferry('warehouse', 'receive', '--tracking', tracking!, '--item', String(itemId), '--outcome', 'damaged', '--note', 'Lid cracked in transit', '--weight-grams', '300');
    expect(received).toMatchObject({ code: 0, json: { matched: true, items: [{ itemId, orderNumber: order.number, status: 'in_warehouse' }] } });
    expect(Object.keys((received.json as { items: object[] }).items[0]!)).toEqual(['itemId', 'orderNumber', 'status']);
    const [item] = await world.db.select().from(orderItems).where(eq(orderItems.id, itemId));
    expect(item).toMatchObject({ fulfilmentStatus: 'in_warehouse', receiptOutcome: 'damaged', receivedQuantity: 1, receiptNote: 'Lid cracked in transit', weightGrams: 300 });
  });

  it('refuses bad input with a one-line message and a non-zero exit, changing nothing', async () => {
    const before = await world.db.select().from(unclaimedInbounds).orderBy(asc(unclaimedInbounds.id));
    for (const args of [
      ['--tracking', 'ab'],
      ['--tracking', 'YT1234567890', '--weight-grams', '-5'],
      ['--tracking', 'YT1234567890', '--weight-grams', '1.5'],
      ['--tracking', 'YT1234567890', '--dims', '30x20'],
      ['--tracking', 'YT1234567890', '--dims', '0x20x5'],
      ['--tracking', '<script>alert(1)</script>'],
      ['--weight-grams', '100'],
    ]) {
      const result = await ferry('warehouse', 'receive', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^ferry: warehouse receive: /);
    }
    expect(await world.db.select().from(unclaimedInbounds).orderBy(asc(unclaimedInbounds.id))).toEqual(before);
    expect(() => normalizeTrackingNumber('YT 1234-5678 90')).not.toThrow();
    expect(normalizeTrackingNumber('yt 1234-5678 90')).toBe('YT1234567890');
    expect(() => normalizeTrackingNumber('✓✓✓✓✓✓')).toThrow(AppError);
  });
});
