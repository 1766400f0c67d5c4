import { char, index, int, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, ref, timestamps } from './columns';

/**
 * One upstream order: the queued lines of one seller (at most 100 SKUs on 1688), bought together.
 * `claimed` → `previewed` → `placing` → `placed`; or `failed` (with the reason, retried by staff or
 * the worker), `awaiting_shopper` (a price rise waits for the shopper), `cancelled`.
 * `reference` is sent upstream as the outside order id, so a retry after a lost answer can be matched.
 */
export const purchaseOrderStatuses = ['claimed', 'previewed', 'placing', 'placed', 'failed', 'awaiting_shopper', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];

export const purchaseOrders = mysqlTable(
  'purchase_orders',
  {
    id: id(),
    reference: varchar('reference', { length: 32 }).notNull(),
    platform: varchar('platform', { length: 16 }).notNull(),
    sellerId: ref('seller_id').notNull(),
    sellerSourceId: varchar('seller_source_id', { length: 64 }).notNull(),
    status: mysqlEnum('status', purchaseOrderStatuses).notNull().default('claimed'),
    version: int('version').notNull().default(0),
    /** What Ferry priced the goods at when the shopper paid (CNY minor units). */
    expectedGoodsMinor: minor('expected_goods_minor').notNull(),
    /** The upstream's preview: goods and freight. */
    previewGoodsMinor: minor('preview_goods_minor'),
    previewFreightMinor: minor('preview_freight_minor'),
    upstreamOrderId: varchar('upstream_order_id', { length: 64 }),
    upstreamStatus: varchar('upstream_status', { length: 32 }),
    upstreamTotalMinor: minor('upstream_total_minor'),
    attempts: int('attempts').notNull().default(0),
    lastError: varchar('last_error', { length: 500 }),
    /** Who placed it: `auto` (the worker) or a staff user id. */
    placedBy: varchar('placed_by', { length: 64 }),
    placedAt: at('placed_at'),
    upstreamModifiedAt: at('upstream_modified_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('purchase_orders_reference_uq').on(t.reference),
    uniqueIndex('purchase_orders_upstream_uq').on(t.platform, t.upstreamOrderId),
    index('purchase_orders_status_idx').on(t.status, t.updatedAt),
  ],
);

/** Every step of a purchase order, for staff: claimed, previewed, price_rise, placed, failed, retried, manual, upstream status. */
export const purchaseEvents = mysqlTable(
  'purchase_events',
  {
    id: id(),
    purchaseOrderId: ref('purchase_order_id').notNull(),
    step: varchar('step', { length: 32 }).notNull(),
    actor: varchar('actor', { length: 64 }).notNull(),
    details: json('details').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('purchase_events_po_idx').on(t.purchaseOrderId, t.id)],
);

/**
 * The upstream asked more than the shopper paid for some lines: the shopper pays the difference (at
 * the order's pinned rate) or cancels those lines (refunded at the pinned rate).
 */
export const priceDifferenceStatuses = ['open', 'paid', 'declined', 'cancelled'] as const;

export const priceDifferences = mysqlTable(
  'price_differences',
  {
    id: id(),
    orderId: ref('order_id').notNull(),
    purchaseOrderId: ref('purchase_order_id').notNull(),
    status: mysqlEnum('status', priceDifferenceStatuses).notNull().default('open'),
    amountCnyMinor: minor('amount_cny_minor').notNull(),
    chargeCurrency: char('charge_currency', { length: 3 }).notNull(),
    chargeMinor: minor('charge_minor').notNull(),
    /** Per order item: the unit price paid and the upstream's new one (CNY minor units). */
    lines: json('lines').$type<{ orderItemId: number; quantity: number; paidUnitMinor: number; upstreamUnitMinor: number }[]>().notNull(),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 100 }),
    resolvedAt: at('resolved_at'),
    ...timestamps,
  },
  (t) => [index('price_differences_order_idx').on(t.orderId), index('price_differences_po_idx').on(t.purchaseOrderId)],
);
