import 'server-only';
import { sql } from 'drizzle-orm';
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
