import { index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, ref, timestamps } from './columns';

/**
 * Parcels a seller sent to the warehouse, expected before they arrive: one row per domestic tracking
 * number of a purchase order (one upstream order may ship in several parcels). Written when the
 * upstream order ships (lib/warehouse subscribes to `purchase.shipped_upstream`); received by the
 * warehouse later (`warehouse receive --tracking`), which finds rows by the number alone.
 *
 * Unique on (purchase order, tracking number), not on (courier, number): the courier's name and code
 * are what the seller typed and may be missing, while the same waybill can rightly carry two purchase
 * orders of one seller packed into one box — receiving that number then finds both.
 */
export const inboundStatuses = ['expected', 'received'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

export const inboundShipments = mysqlTable(
  'inbound_shipments',
  {
    id: id(),
    purchaseOrderId: ref('purchase_order_id').notNull(),
    trackingNumber: varchar('tracking_number', { length: 64 }).notNull(),
    carrierName: varchar('carrier_name', { length: 64 }),
    /** The marketplace's code for the courier (1688's `logisticsCompanyNo`, e.g. `YTO`). */
    carrierCode: varchar('carrier_code', { length: 32 }),
    status: mysqlEnum('status', inboundStatuses).notNull().default('expected'),
    /** When the seller sent it (the marketplace's time); lateness counts from here. */
    shippedAt: at('shipped_at'),
    receivedAt: at('received_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('inbound_shipments_po_tracking_uq').on(t.purchaseOrderId, t.trackingNumber),
    index('inbound_shipments_tracking_idx').on(t.trackingNumber),
    index('inbound_shipments_status_idx').on(t.status, t.shippedAt),
  ],
);

/**
 * A parcel the warehouse received under a tracking number no purchase order ships under (a seller
 * who typed the number wrong, a parcel sent before its number reached us): kept with what was
 * measured, one row per number however often it is scanned, until staff assign it to its
 * purchase order, which receives that order's items.
 */
export const unclaimedStatuses = ['unclaimed', 'assigned'] as const;

export const unclaimedInbounds = mysqlTable(
  'unclaimed_inbounds',
  {
    id: id(),
    trackingNumber: varchar('tracking_number', { length: 64 }).notNull(),
    status: mysqlEnum('status', unclaimedStatuses).notNull().default('unclaimed'),
    weightGrams: int('weight_grams'),
    lengthMm: int('length_mm'),
    widthMm: int('width_mm'),
    heightMm: int('height_mm'),
    note: varchar('note', { length: 500 }),
    receivedBy: varchar('received_by', { length: 254 }),
    assignedPurchaseOrderId: ref('assigned_purchase_order_id'),
    assignedAt: at('assigned_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('unclaimed_inbounds_tracking_uq').on(t.trackingNumber), index('unclaimed_inbounds_status_idx').on(t.status, t.createdAt)],
);
