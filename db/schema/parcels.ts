import { char, decimal, index, int, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, photoColumns, ref, timestamps } from './columns';
import type { ShippingAddress } from './orders';

/**
 * A parcel's way (lib/parcels/transitions.ts): `awaiting_payment` (made from accepted items, which
 * are reserved to it) → `paid` (to pack) → `packed` → `awaiting_topup` (the real weight costs more:
 * the shopper pays the difference) → `ready_to_dispatch` → `shipped` → `delivered`; `cancelled`
 * from `awaiting_payment` gives the items back. With rehearsal packing the parcel is packed first:
 * `awaiting_rehearsal` → `awaiting_payment` at the packed price (weight and photos shown) → `paid`
 * → `ready_to_dispatch`.
 */
export const parcelStatuses = ['awaiting_rehearsal', 'awaiting_payment', 'paid', 'packed', 'awaiting_topup', 'ready_to_dispatch', 'shipped', 'delivered', 'cancelled'] as const;
export type ParcelStatus = (typeof parcelStatuses)[number];

export const parcelServices = ['insurance', 'rehearsal', 'remove_retail_boxes', 'reinforced_packing', 'packed_photos'] as const;
export type ParcelService = (typeof parcelServices)[number];

export const settlementActions = ['none', 'topup', 'refund'] as const;
export type SettlementAction = (typeof settlementActions)[number];
/**
 * `open` (a top-up awaits payment), `paid` (the top-up came in), `refunded` (the difference went to
 * the wallet), `due` (a partner's parcel: the difference is theirs, settled by finance), `none`.
 */
export const settlementStatuses = ['none', 'open', 'paid', 'refunded', 'due'] as const;
export type SettlementStatus = (typeof settlementStatuses)[number];

export type ParcelDimsCm = { lengthCm: number; widthCm: number; heightCm: number };

/**
 * A shopper's (or a partner's) parcel of accepted items. Like an order it pins its rate at creation
 * (1 CNY = `rate` `currency`): the estimate, the services and any settlement after packing are all
 * converted at it. Amounts are CNY minor units (`*_cny_minor`) and the parcel's currency (`*_minor`).
 * What the shopper pays is `charge_minor` = shipping + insurance + services, each converted once.
 */
export const parcels = mysqlTable(
  'parcels',
  {
    id: id(),
    number: varchar('number', { length: 20 }).notNull(),
    status: mysqlEnum('status', parcelStatuses).notNull().default('awaiting_payment'),
    version: int('version').notNull().default(0),
    userId: ref('user_id'),
    partnerKeyId: varchar('partner_key_id', { length: 40 }),
    lineId: ref('line_id').notNull(),
    lineCode: varchar('line_code', { length: 40 }).notNull(),
    shippingAddress: json('shipping_address').$type<ShippingAddress>().notNull(),
    services: json('services').$type<ParcelService[]>().notNull(),
    goods: json('goods').$type<string[]>().notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    rate: decimal('rate', { precision: 24, scale: 12 }).notNull(),
    rateSource: varchar('rate_source', { length: 32 }).notNull(),
    rateCapturedAt: at('rate_captured_at').notNull(),
    declaredValueCnyMinor: minor('declared_value_cny_minor').notNull(),
    /** The weight and box the estimate quoted: items' measured weights plus the packaging allowance. */
    estimateGrams: int('estimate_grams').notNull(),
    estimateDims: json('estimate_dims').$type<ParcelDimsCm | null>(),
    estimateChargeableGrams: int('estimate_chargeable_grams').notNull(),
    estimateShippingCnyMinor: minor('estimate_shipping_cny_minor').notNull(),
    estimateShippingMinor: minor('estimate_shipping_minor').notNull(),
    insuranceCnyMinor: minor('insurance_cny_minor').notNull().default(0),
    servicesCnyMinor: minor('services_cny_minor').notNull().default(0),
    totalCnyMinor: minor('total_cny_minor').notNull(),
    chargeMinor: minor('charge_minor').notNull(),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 100 }),
    /** Secret part of the parcel's pay link (a partner's customer pays without signing in). */
    payToken: char('pay_token', { length: 32 }).notNull(),
    /** Paid from the wallet before the card took the rest (0: all by card, or all from the wallet when paid by `wallet`). */
    walletPartMinor: minor('wallet_part_minor').notNull().default(0),
    paidAt: at('paid_at'),
    packedWeightGrams: int('packed_weight_grams'),
    packedDims: json('packed_dims').$type<ParcelDimsCm | null>(),
    packedChargeableGrams: int('packed_chargeable_grams'),
    packedShippingCnyMinor: minor('packed_shipping_cny_minor'),
    packedAt: at('packed_at'),
    packedBy: ref('packed_by'),
    settlementAction: mysqlEnum('settlement_action', settlementActions),
    settlementCnyMinor: minor('settlement_cny_minor'),
    settlementMinor: minor('settlement_minor'),
    settlementStatus: mysqlEnum('settlement_status', settlementStatuses),
    topupPaymentId: varchar('topup_payment_id', { length: 100 }),
    topupPaidAt: at('topup_paid_at'),
    trackingNumber: varchar('tracking_number', { length: 64 }),
    carrier: varchar('carrier', { length: 64 }),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    cancelledAt: at('cancelled_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('parcels_number_uq').on(t.number),
    index('parcels_user_idx').on(t.userId, t.createdAt),
    index('parcels_partner_idx').on(t.partnerKeyId, t.createdAt),
    index('parcels_status_idx').on(t.status, t.createdAt),
    index('parcels_tracking_idx').on(t.trackingNumber),
  ],
);

/**
 * The items in a parcel, each with its customs value in CNY. `active_item_id` holds the item while
 * its parcel is not cancelled (and is cleared on cancel), so the unique index lets an item be in at
 * most one live parcel even when two parcels are made from it at once.
 */
export const parcelItems = mysqlTable(
  'parcel_items',
  {
    id: id(),
    parcelId: ref('parcel_id').notNull(),
    orderItemId: ref('order_item_id').notNull(),
    declaredValueCnyMinor: minor('declared_value_cny_minor').notNull(),
    activeItemId: ref('active_item_id'),
  },
  (t) => [uniqueIndex('parcel_items_active_uq').on(t.activeItemId), index('parcel_items_parcel_idx').on(t.parcelId), index('parcel_items_item_idx').on(t.orderItemId)],
);

export type ParcelRow = typeof parcels.$inferSelect;

/**
 * Photos of the packed parcel (rehearsal packing, or the "photos of the packed parcel" service). The
 * bytes live in the private photo store beside the QC photos (lib/warehouse/photos) and are read
 * through the same signed, expiring URLs, given only to the parcel's owner and staff.
 */
export const parcelPhotos = mysqlTable(
  'parcel_photos',
  {
    id: id(),
    parcelId: ref('parcel_id').notNull(),
    ...photoColumns(),
  },
  (t) => [index('parcel_photos_parcel_idx').on(t.parcelId, t.id), uniqueIndex('parcel_photos_key_uq').on(t.storageKey)],
);
