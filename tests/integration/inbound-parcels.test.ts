import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDeliveries, inboundShipments, orderEvents, orderItems, purchaseOrders } from '@/db/schema';
import { systemActor } from '@/lib/audit/actor';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { updateSettings } from '@/lib/settings/update-settings';
import { applyPushBatch } from '@/lib/supplier-push/apply-push-batch';
import { pollUpstreamOrders } from '@/lib/supplier-push/poll-upstream-orders';
import { receivePush } from '@/lib/supplier-push/receive-push';
import { signPush } from '@/lib/suppliers/alibaba-1688/sign';
import { getConnector } from '@/lib/suppliers/registry';
import type { SupplierConnector } from '@/lib/suppliers/types';
import { inboundParcelsSubscriber } from '@/lib/warehouse/expect-inbound-parcels';
import { listInboundParcels } from '@/lib/warehouse/queries/list-inbound-parcels';
import { listOrderParcels } from '@/lib/warehouse/queries/list-order-parcels';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// Expected inbound, end to end against real MariaDB and the 1688 sandbox: a bought order ships
// upstream, the news arrives as pushes (redelivered, and twice under two message ids) and through
// the compensating poll, the relay hands purchasing's fact to the warehouse, and each tracking
// number lands in inbound_shipments once.
const SECRET = 'ferry-demo-1688-secret';
let world: PurchasingWorld;
let sellers: CatalogSku[][];

beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_inbound');
  sellers = await skusBySeller(world);
});
afterAll(async () => world?.close());

type SandboxView = { id: string; status: string; packages: { billNo: string; companyName: string; companyNo: string }[] };

/** A paid order of one seller's two SKUs, bought upstream by the worker; its purchase order and order lines. */
async function boughtOrder(seller: CatalogSku[]) {
  // The seller has the goods (some demo SKUs are nearly sold out upstream).
  for (const sku of seller.slice(0, 2)) await world.control(`/__sandbox/offers/${sku.offerId}/skus/${sku.sourceSkuId}`, 'POST', { stock: 100 });
  const order = await placePaidOrder(
    world,
    seller.slice(0, 2).map((sku, k) => ({ skuId: sku.skuId, quantity: k + 1 })),
  );
  const run = await runPurchasing(world.db, world.redis);
  const [failure] = await world.db.select({ lastError: purchaseOrders.lastError }).from(purchaseOrders).where(eq(purchaseOrders.status, 'failed'));
  expect(run.outcomes, failure?.lastError ?? '').toMatchObject({ placed: 1 });
  const items = await world.db.select({ id: orderItems.id, poId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, items[0]!.poId!));
  // Placed and paid upstream; Ferry learns upstream statuses from pushes and the poll only.
  expect(po).toMatchObject({ status: 'placed', upstreamStatus: null });
  return { order, po: po!, itemIds: items.map((i) => i.id) };
}

/** A signed 1688 order push as the platform sends it. */
function orderPush(msgId: number, upstreamOrderId: string, currentStatus: string, type = 'ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS') {
  const message = JSON.stringify({ msgId, gmtBorn: Date.now(), type, bizKey: upstreamOrderId, userInfo: 'b2b-ferry', data: { orderId: upstreamOrderId, currentStatus, buyerMemberId: 'b2b-ferry', sellerMemberId: 'b2b-seller', msgSendTime: '2026-12-07 10:00:00' } })
    // 1688 sends the order id as a bare 18-digit number.
    .replace(`"orderId":"${upstreamOrderId}"`, `"orderId":${upstreamOrderId}`);
  return new URLSearchParams({ message, _aop_signature: signPush(message, SECRET) }).toString();
}

/**
 * The compensating poll, a second ahead: its window ends before `now`, so a shipment made in the
 * same millisecond as a poll right after it would otherwise wait for the next poll.
 */
const poll = (connector: SupplierConnector = getConnector('1688')) => pollUpstreamOrders(world.db, { connectors: [connector], now: new Date(Date.now() + 1000) });

const inboundOf = (poId: number) =>
  world.db.select().from(inboundShipments).where(eq(inboundShipments.purchaseOrderId, poId)).orderBy(asc(inboundShipments.trackingNumber));
const shippedFacts = (poId: number) =>
  world.db.select().from(orderEvents).where(and(eq(orderEvents.subjectType, 'purchase_order'), eq(orderEvents.subjectId, poId), eq(orderEvents.type, 'purchase.shipped_upstream')));

describe('expected inbound from 1688 shipments', () => {
  it('lands each tracking number of a shipped order once, however often the push and the poll tell it', async () => {
    const { po, itemIds } = await boughtOrder(sellers[0]!);
    const shipped = await world.control<SandboxView>(`/__sandbox/orders/${po.upstreamOrderId}/ship`, 'POST', { packages: 2 });
    expect(shipped.packages).toHaveLength(2);

    // The push, redelivered, and the same news under a second message id.
    const first = await receivePush(world.db, '1688', orderPush(9_100_000_001, po.upstreamOrderId!, 'waitbuyerreceive'));
    const again = await receivePush(world.db, '1688', orderPush(9_100_000_001, po.upstreamOrderId!, 'waitbuyerreceive'));
    expect([first.isNew, again.isNew]).toEqual([true, false]);
    await receivePush(world.db, '1688', orderPush(9_100_000_002, po.upstreamOrderId!, 'waitbuyerreceive'));
    const batch = await applyPushBatch(world.db, null);
    expect(batch.outcomes).toMatchObject({ advanced: 1, unchanged: 1 });
    // The poll sees the shipped order too.
    const polled = await poll();
    expect(polled[0]!.error).toBeUndefined();
    expect(polled[0]!.outcomes).toEqual({ unchanged: 1 });
    expect(await shippedFacts(po.id)).toHaveLength(1);

    await runRelay(world.db, eventSubscribers);
    const rows = await inboundOf(po.id);
    expect(rows.map((r) => ({ number: r.trackingNumber, carrier: r.carrierName, code: r.carrierCode, status: r.status }))).toEqual(
      shipped.packages
        .map((p) => ({ number: p.billNo, carrier: p.companyName, code: p.companyNo, status: 'expected' }))
        .sort((a, b) => a.number.localeCompare(b.number)),
    );
    expect(rows.every((r) => r.shippedAt instanceof Date)).toBe(true);

    // At-least-once: the delivery runs again (a relay that crashed before marking it done), and a
    // later status push (received) tells nothing new.
    const [fact] = await shippedFacts(po.id);
    await world.db.update(eventDeliveries).set({ status: 'pending', nextAttemptAt: new Date(0), leaseUntil: null }).where(eq(eventDeliveries.eventId, fact!.id));
    await receivePush(world.db, '1688', orderPush(9_100_000_003, po.upstreamOrderId!, 'confirm_goods', 'ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS'));
    await applyPushBatch(world.db, null);
    const rerun = await runRelay(world.db, eventSubscribers);
    expect(rerun.delivered).toBeGreaterThanOrEqual(1);
    expect(await shippedFacts(po.id)).toHaveLength(1);
    expect((await inboundOf(po.id)).map((r) => r.id)).toEqual(rows.map((r) => r.id));

    // The order's pages read the same parcels, each carrying both lines of the one purchase order.
    const parcels = await listOrderParcels(world.db, itemIds);
    expect(parcels.map((p) => p.trackingNumber).sort()).toEqual(rows.map((r) => r.trackingNumber));
    expect(parcels.every((p) => p.orderItemIds.join() === itemIds.join())).toBe(true);
  });

  it('expects the parcels of an order whose shipment only the poll saw, and those of a number read twice only once', async () => {
    const { po } = await boughtOrder(sellers[1]!);
    await world.control(`/__sandbox/orders/${po.upstreamOrderId}/ship`, 'POST');
    await poll();
    await poll();
    expect(await shippedFacts(po.id)).toHaveLength(1);
    await runRelay(world.db, eventSubscribers);
    expect(await inboundOf(po.id)).toHaveLength(1);
  });

  it('asks again later when the marketplace lists the shipment before its waybill', async () => {
    const { po } = await boughtOrder(sellers[2]!);
    const real = getConnector('1688');
    const noWaybillYet: SupplierConnector = { ...real, platform: '1688', getOrder: async (id) => ({ ...(await real.getOrder(id)), shipments: [], trackingNumbers: [] }) };
    await world.control(`/__sandbox/orders/${po.upstreamOrderId}/ship`, 'POST');
    await poll(real);
    const [fact] = await shippedFacts(po.id);
    const event = { id: fact!.id, type: fact!.type, subjectType: 'purchase_order', subjectId: po.id, orderId: null, payload: fact!.payload, createdAt: fact!.createdAt };
    const context = { db: world.db, deliveryKey: `warehouse-inbound:${fact!.id}`, attempt: 1 };
    await expect(inboundParcelsSubscriber(() => noWaybillYet).handle(event, context)).rejects.toThrow(/no tracking number yet/);
    expect(await inboundOf(po.id)).toHaveLength(0);
    await inboundParcelsSubscriber(() => real).handle(event, context);
    await inboundParcelsSubscriber(() => real).handle(event, context);
    expect(await inboundOf(po.id)).toHaveLength(1);
  });

  it('calls a parcel late by the agent’s setting in the database', async () => {
    const now = new Date();
    const [parcel] = await world.db.select().from(inboundShipments).orderBy(asc(inboundShipments.id)).limit(1);
    await world.db.update(inboundShipments).set({ shippedAt: new Date(now.getTime() - 3 * 86_400_000 - 60_000) }).where(eq(inboundShipments.id, parcel!.id));

    const byDefault = await listInboundParcels(world.db, { view: 'late', page: 1, pageSize: 50, now });
    expect(byDefault.lateAfterDays).toBe(5);
    expect(byDefault.items.map((p) => p.id)).not.toContain(parcel!.id);

    await updateSettings(world.db, { 'warehouse.inboundLateAfterDays': 2 }, systemActor('test'));
    const stricter = await listInboundParcels(world.db, { view: 'late', page: 1, pageSize: 50, now });
    expect(stricter.lateAfterDays).toBe(2);
    expect(stricter.items.map((p) => p.id)).toEqual([parcel!.id]);
    expect(stricter.items[0]).toMatchObject({ isLate: true, daysSinceShipped: 3, seller: { name: expect.any(String), sourceId: expect.any(String) } });
    expect(stricter.items[0]!.lines.length).toBeGreaterThan(0);
    expect(stricter.counts.late).toBe(1);

    const all = await listInboundParcels(world.db, { view: 'expected', page: 1, pageSize: 50, now });
    expect(all.counts.expected).toBe(4);
    // Oldest shipment first: the late parcel leads.
    expect(all.items[0]!.id).toBe(parcel!.id);
  });
});
