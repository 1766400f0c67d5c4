import { char, index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, photoColumns, ref, timestamps } from './columns';

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

/**
 * QC photos of one order item. The bytes live in the private photo store (lib/warehouse/photos),
 * never under /media: a browser reads them through short-lived signed URLs, given only to the
 * shopper who owns the order, staff, and the partner that placed it. `storage_key` names the
 * original (location and other EXIF removed) and its WebP sizes.
 */
export const qcPhotos = mysqlTable(
  'qc_photos',
  {
    id: id(),
    orderItemId: ref('order_item_id').notNull(),
    ...photoColumns(),
  },
  (t) => [index('qc_photos_item_idx').on(t.orderItemId, t.id), uniqueIndex('qc_photos_key_uq').on(t.storageKey)],
);

/**
 * A paid value-added service asked after checkout (today: more QC photos of one item), charged at
 * the order's pinned rate through the order's gateway (metadata `service_charge_id`). One open
 * charge per item and kind: `open_item_id` holds the item while the charge is open and is cleared
 * when it is paid or cancelled, so a second click finds the open one instead of adding another.
 */
export const serviceChargeKinds = ['qc_photos'] as const;
export const serviceChargeStatuses = ['open', 'paid', 'cancelled'] as const;
export type ServiceChargeStatus = (typeof serviceChargeStatuses)[number];

export const serviceCharges = mysqlTable(
  'service_charges',
  {
    id: id(),
    orderId: ref('order_id').notNull(),
    orderItemId: ref('order_item_id').notNull(),
    kind: mysqlEnum('kind', serviceChargeKinds).notNull(),
    /** Units of the service (photos). */
    quantity: int('quantity').notNull(),
    status: mysqlEnum('status', serviceChargeStatuses).notNull().default('open'),
    amountCnyMinor: minor('amount_cny_minor').notNull(),
    chargeCurrency: char('charge_currency', { length: 3 }).notNull(),
    chargeMinor: minor('charge_minor').notNull(),
    openItemId: ref('open_item_id'),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 100 }),
    paidAt: at('paid_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('service_charges_open_uq').on(t.openItemId, t.kind),
    index('service_charges_order_idx').on(t.orderId),
    index('service_charges_item_idx').on(t.orderItemId, t.status),
  ],
);

/**
 * Emails about one item sent at most once: the QC auto-accept warning (`qc_auto_accept`) and the
 * storage reminders (`storage_14`, `storage_7`, `storage_1` days before free storage ends). The
 * unique key is the once: a job that runs twice, or two workers, insert the same row and one loses.
 */
export const itemNotices = mysqlTable(
  'item_notices',
  {
    id: id(),
    orderItemId: ref('order_item_id').notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [uniqueIndex('item_notices_item_kind_uq').on(t.orderItemId, t.kind)],
);
