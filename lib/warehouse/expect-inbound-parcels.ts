import 'server-only';
import { eq } from 'drizzle-orm';
import { purchaseOrders } from '@/db/schema/purchasing';
import type { Subscriber } from '@/lib/events/subscriber';
import { getConnector, hasConnector } from '@/lib/suppliers/registry';
import { supplierPlatforms, type SupplierConnector, type SupplierPlatform } from '@/lib/suppliers/types';
import { hasShippedUpstream } from '@/lib/suppliers/upstream-status-rank';
import { forgetUnlistedParcels, recordInboundShipments } from './record-inbound-shipments';

const isPlatform = (value: string): value is SupplierPlatform => (supplierPlatforms as readonly string[]).includes(value);

/**
 * When a seller ships a purchase order (`purchase.shipped_upstream`, from a push or the poll), the
 * warehouse reads the order's parcels from the marketplace — courier and tracking number of each,
 * one order may ship in several — and expects them (`inbound_shipments`). Pushes carry no tracking
 * numbers, so the order is always read back; the marketplace may list a shipment before its
 * waybill, so an order shipped without one yet fails the delivery and the relay asks again later
 * (backoff, then /admin/events). Recording is idempotent, so every retry and redelivery is safe.
 * A changed tracking number (`purchase.tracking_changed`) is read the same way: the new number is
 * expected, and an expected number the marketplace no longer lists is dropped (forgetExpectedParcels).
 */
export function inboundParcelsSubscriber(connectorFor: (platform: SupplierPlatform) => SupplierConnector = getConnector): Subscriber {
  return {
    name: 'warehouse-inbound',
    types: ['purchase.shipped_upstream', 'purchase.tracking_changed'],
    async handle(event, { db }) {
      if (event.subjectType !== 'purchase_order') return;
      const [po] = await db
        .select({ id: purchaseOrders.id, platform: purchaseOrders.platform, upstreamOrderId: purchaseOrders.upstreamOrderId })
        .from(purchaseOrders)
        .where(eq(purchaseOrders.id, event.subjectId));
      if (!po?.upstreamOrderId || !isPlatform(po.platform) || !hasConnector(po.platform)) return;
      const order = await connectorFor(po.platform).getOrder(po.upstreamOrderId);
      if (order.shipments.length === 0) {
        if (hasShippedUpstream(order.status)) throw new Error(`${po.platform} order ${po.upstreamOrderId} shipped but lists no tracking number yet`);
        return;
      }
      await db.transaction(async (tx) => {
        await recordInboundShipments(tx, po.id, order.shipments);
        await forgetUnlistedParcels(tx, po.id, order.shipments);
      });
    },
  };
}

export const inboundParcels = inboundParcelsSubscriber();
