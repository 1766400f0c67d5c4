import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundShipments, orderItems, purchaseEvents, purchaseOrders, webhookEvents } from '@/db/schema';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { runPurchasing } from '@/lib/purchasing/run-purchasing';
import { applyPushBatch } from '@/lib/supplier-push/apply-push-batch';
import { receivePush } from '@/lib/supplier-push/receive-push';
import { listInboundParcels } from '@/lib/warehouse/queries/list-inbound-parcels';
import { createPurchasingWorld, placePaidOrder, skusBySeller, type PurchasingWorld } from '../support/purchasing-world';

// A seller changes a parcel's waybill number on 1688: the sandbox pushes LOGISTICS_MAIL_NO_CHANGE,
// signed, to a front server standing where Ferry's webhook route would (verify and store through
// receivePush); the push worker records purchasing's fact, and the warehouse, through the relay,
// expects the new number and forgets the old one, which then never shows as late.
let world: PurchasingWorld;
let front: http.Server;
const answered: number[] = [];

beforeAll(async () => {
  front = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receivePush(world.db, '1688', Buffer.concat(chunks).toString('utf8')).then(
        () => (answered.push(200), res.writeHead(200).end('{"success":true}')),
        () => (answered.push(400), res.writeHead(400).end()),
      );
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  world = await createPurchasingWorld('ferry_test_retrack', 30, { pushUrl: `http://127.0.0.1:${(front.address() as AddressInfo).port}/api/webhooks/1688` });
});
afterAll(async () => {
  await world?.close();
  await new Promise((resolve) => front?.close(resolve));
});

type SandboxView = { id: string; packages: { billNo: string }[] };

/** Until the stored pushes of `type` number `count` (the sandbox delivers in the background). */
async function pushesOf(type: string, count: number) {
  for (let i = 0; i < 100; i++) {
    const rows = await world.db.select().from(webhookEvents).where(and(eq(webhookEvents.source, '1688'), eq(webhookEvents.type, type)));
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${count} ${type} pushes arrived`);
}

const inboundOf = (poId: number) => world.db.select().from(inboundShipments).where(eq(inboundShipments.purchaseOrderId, poId)).orderBy(asc(inboundShipments.id));

describe('a changed tracking number', () => {
  it('is expected under its new number, and the old one stops waiting and never turns late', async () => {
    const [seller] = await skusBySeller(world);
    const sku = seller![0]!;
    await world.control(`/__sandbox/offers/${sku.offerId}/skus/${sku.sourceSkuId}`, 'POST', { stock: 100 });
    const order = await placePaidOrder(world, [{ skuId: sku.skuId, quantity: 2 }]);
    expect((await runPurchasing(world.db, world.redis)).outcomes).toMatchObject({ placed: 1 });
    const [line] = await world.db.select({ poId: orderItems.purchaseOrderId }).from(orderItems).where(eq(orderItems.orderId, order.id));
    const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, line!.poId!));

    // Shipped in two parcels; the push says so, and the warehouse expects both numbers.
    const shipped = await world.control<SandboxView>(`/__sandbox/orders/${po!.upstreamOrderId}/ship`, 'POST', { packages: 2 });
    await pushesOf('ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS', 1);
    // Every message of the order so far (made, paid, shipped) and the stock it moved: the shipment among them.
    expect((await applyPushBatch(world.db, null)).outcomes.advanced).toBeGreaterThanOrEqual(1);
    await runRelay(world.db, eventSubscribers);
    const [first, second] = shipped.packages.map((p) => p.billNo);
    expect((await inboundOf(po!.id)).map((r) => r.trackingNumber).sort()).toEqual([first, second].sort());

    // Long on the way: both late. The second parcel then arrives.
    await world.db.update(inboundShipments).set({ shippedAt: new Date(Date.now() - 10 * 86_400_000) }).where(eq(inboundShipments.purchaseOrderId, po!.id));
    await world.db.update(inboundShipments).set({ status: 'received', receivedAt: new Date() }).where(and(eq(inboundShipments.purchaseOrderId, po!.id), eq(inboundShipments.trackingNumber, second!)));
    const lateBefore = await listInboundParcels(world.db, { view: 'late', page: 1, pageSize: 50 });
    expect(lateBefore.items.map((p) => p.trackingNumber)).toContain(first);

    // The seller corrects the first parcel's waybill: a signed LOGISTICS_MAIL_NO_CHANGE push.
    const changed = await world.control<SandboxView>(`/__sandbox/orders/${po!.upstreamOrderId}/tracking`, 'POST', { index: 0, billNo: 'YT9988776655' });
    expect(changed.packages.map((p) => p.billNo)).toEqual(['YT9988776655', second]);
    const [push] = await pushesOf('LOGISTICS_MAIL_NO_CHANGE', 1);
    expect(JSON.parse(push!.payload)).toHaveProperty('_aop_signature');
    expect(answered.every((status) => status === 200)).toBe(true);

    const batch = await applyPushBatch(world.db, null);
    expect(batch.outcomes).toMatchObject({ tracking_changed: 1 });
    const trail = await world.db.select().from(purchaseEvents).where(and(eq(purchaseEvents.purchaseOrderId, po!.id), eq(purchaseEvents.step, 'tracking_changed')));
    expect(trail.map((e) => e.details)).toEqual([expect.objectContaining({ from: first, to: 'YT9988776655' })]);

    await runRelay(world.db, eventSubscribers);
    const rows = await inboundOf(po!.id);
    expect(rows.map((r) => [r.trackingNumber, r.status]).sort()).toEqual([
      [second, 'received'],
      ['YT9988776655', 'expected'],
    ].sort());
    const lateAfter = await listInboundParcels(world.db, { view: 'late', page: 1, pageSize: 50 });
    expect(lateAfter.items.map((p) => p.trackingNumber)).not.toContain(first);

    // Redelivered and reread: nothing more changes.
    await runRelay(world.db, eventSubscribers);
    expect((await inboundOf(po!.id)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });
});
