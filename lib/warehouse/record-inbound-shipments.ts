import 'server-only';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { inboundShipments } from '@/db/schema/warehouse';
import type { Executor } from '@/lib/db/executor';
import type { UpstreamShipment } from '@/lib/suppliers/types';

/**
 * Expects the parcels a seller sent for one purchase order: one row per tracking number, written
 * with INSERT … ON DUPLICATE KEY UPDATE on (purchase order, number), so the same number read again
 * (a redelivered event, the poll and a push both seeing the shipment, a retry after a crash) adds
 * nothing. A second reading only fills in what the first lacked (the courier, the time); it never
 * touches the status, which the warehouse owns once the parcel is received.
 */
export async function recordInboundShipments(tx: Executor, purchaseOrderId: number, shipments: readonly UpstreamShipment[]): Promise<void> {
  if (shipments.length === 0) return;
  const now = new Date();
  await tx
    .insert(inboundShipments)
    .values(
      shipments.map((s) => ({
        purchaseOrderId,
        trackingNumber: s.trackingNumber,
        carrierName: s.carrierName,
        carrierCode: s.carrierCode,
        shippedAt: s.shippedAt,
        status: 'expected' as const,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onDuplicateKeyUpdate({
      set: {
        carrierName: sql`coalesce(${inboundShipments.carrierName}, values(${inboundShipments.carrierName}))`,
        carrierCode: sql`coalesce(${inboundShipments.carrierCode}, values(${inboundShipments.carrierCode}))`,
        shippedAt: sql`coalesce(${inboundShipments.shippedAt}, values(${inboundShipments.shippedAt}))`,
      },
    });
}

/**
 * After the marketplace's list of an order's parcels was read: an `expected` number it no longer
 * lists (a seller corrected the waybill) is deleted, so it neither waits on the inbound list nor
 * turns late. Nothing references an expected row (receiving finds rows by number), so deleting is
 * the whole story; a `received` row is never touched, and an empty list (read too early, or the
 * marketplace hiccuped) forgets nothing. Should a parcel still arrive under the old number, it is
 * received as unclaimed and staff assign it.
 */
export async function forgetUnlistedParcels(tx: Executor, purchaseOrderId: number, listed: readonly UpstreamShipment[]): Promise<number> {
  if (listed.length === 0) return 0;
  const [result] = await tx.delete(inboundShipments).where(
    and(
      eq(inboundShipments.purchaseOrderId, purchaseOrderId),
      eq(inboundShipments.status, 'expected'),
      notInArray(
        inboundShipments.trackingNumber,
        listed.map((s) => s.trackingNumber),
      ),
    ),
  );
  return result.affectedRows;
}
