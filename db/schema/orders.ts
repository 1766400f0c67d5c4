import { char, decimal, index, int, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, ref, timestamps } from './columns';
import type { SpecAttribute } from './catalog';

export const orderStatuses = [
  'pending',
  'paid',
  'purchasing',
  'purchased',
  'arrived',
  'packed',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
  // Last, not beside `paid`: appending to a MySQL ENUM is a metadata-only ALTER, inserting in the
  // middle rebuilds the orders table. Screens order statuses by `statusFlow` (lib/orders/transitions.ts).
  'confirmed',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export type ShippingAddress = {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country: string;
  phone: string;
};

/** CNY minor units per breakdown line, as priced at checkout. */
export type OrderBreakdown = {
  items: number;
  domesticShipping: number;
  serviceFee: number;
  valueAddedServices: number;
  codFee: number;
  discount: number;
};

/**
 * An order pins its exchange rates at creation: every later money movement uses them. Amounts are
 * kept three times: CNY (what the agent spends), the charge currency (what the shopper pays) and
 * the reporting currency (what finance adds up).
 */
export const orders = mysqlTable(
  'orders',
  {
    id: id(),
    number: varchar('number', { length: 20 }).notNull(),
    status: mysqlEnum('status', orderStatuses).notNull().default('pending'),
    /** Bumped by every transition; a transition is `UPDATE … WHERE id = ? AND status = ? AND version = ?`. */
    version: int('version').notNull().default(0),
    userId: ref('user_id'),
    partnerKeyId: varchar('partner_key_id', { length: 40 }),
    externalRef: varchar('external_ref', { length: 100 }),
    /**
     * Double submits of one checkout page (or one partner idempotency key) make one order. Stored
     * inside its owner's namespace (`user:<id>:…`, `api:<keyId>:…`, lib/checkout/checkout-key.ts), so
     * the unique index is per owner and one owner's token never reaches another's order.
     */
    checkoutToken: varchar('checkout_token', { length: 100 }).notNull(),
    locale: varchar('locale', { length: 10 }).notNull(),
    email: varchar('email', { length: 254 }),
    shippingAddress: json('shipping_address').$type<ShippingAddress>().notNull(),
    valueAddedServices: json('value_added_services').$type<string[]>().notNull(),
    breakdownCny: json('breakdown_cny').$type<OrderBreakdown>().notNull(),
    totalCnyMinor: minor('total_cny_minor').notNull(),
    chargeCurrency: char('charge_currency', { length: 3 }).notNull(),
    chargeMinor: minor('charge_minor').notNull(),
    /** 1 CNY = charge_rate charge currency. */
    chargeRate: decimal('charge_rate', { precision: 24, scale: 12 }).notNull(),
    rateSource: varchar('rate_source', { length: 32 }).notNull(),
    rateCapturedAt: at('rate_captured_at').notNull(),
    baseCurrency: char('base_currency', { length: 3 }).notNull(),
    baseMinor: minor('base_minor').notNull(),
    baseRate: decimal('base_rate', { precision: 24, scale: 12 }).notNull(),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    /**
     * The part of the charge paid from the shopper's wallet (charge currency minor units): the card
     * pays the rest. Set once, while the order is pending; given back if it is cancelled unpaid.
     */
    walletPaidMinor: minor('wallet_paid_minor').notNull().default(0),
    /** The gateway's payment (PaymentIntent id), once the shopper opened the pay page. */
    gatewayPaymentId: varchar('gateway_payment_id', { length: 100 }),
    /** Secret part of the pay link handed to a partner's customer (no sign-in needed to pay). */
    payToken: char('pay_token', { length: 32 }).notNull(),
    /** Unpaid: when the order's stock hold runs out (card: the payment window; cash on delivery: staff's confirmation window). */
    reservedUntil: at('reserved_until'),
    paidAt: at('paid_at'),
    /** Cash on delivery: when staff confirmed the order with the shopper (it is then bought like a paid one). */
    confirmedAt: at('confirmed_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('orders_number_uq').on(t.number),
    uniqueIndex('orders_checkout_uq').on(t.checkoutToken),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_partner_idx').on(t.partnerKeyId),
    index('orders_status_idx').on(t.status, t.createdAt),
    index('orders_reserved_idx').on(t.status, t.reservedUntil),
  ],
);

/**
 * A paid line's way upstream: `review` (the shopper left a note for the buyer: a purchaser reads it
 * and writes what the seller should read, in Chinese, before the line may be bought), `queued`
 * (waiting for a purchaser or the worker), `purchasing` (claimed
 * by one purchase order — the lock against buying twice), `purchased`, `failed` (the purchase order
 * failed; staff retry it or buy by hand), `awaiting_shopper` (the upstream price rose; the shopper
 * pays the difference or cancels), `cancelled` (the shopper declined; refunded).
 */
export const purchaseStatuses = ['review', 'queued', 'purchasing', 'purchased', 'failed', 'awaiting_shopper', 'cancelled'] as const;
export type PurchaseStatus = (typeof purchaseStatuses)[number];

/**
 * An item's way from the seller to the shopper once bought (lib/warehouse/item-machine): `upstream`
 * (not in the warehouse yet: `purchase_status` says where it is upstream), `in_warehouse` (received,
 * weighed), `accepted` (the shopper approved it after QC, or the window ran out), `return_requested`,
 * `returned` (back to the seller), `in_parcel`, `shipped`, `delivered`, `refunded`. The open API's
 * `fulfilment.status` reads `upstream` as the purchase status (queued, purchasing, purchased, cancelled).
 */
export const fulfilmentStatuses = ['upstream', 'in_warehouse', 'accepted', 'return_requested', 'returned', 'in_parcel', 'shipped', 'delivered', 'refunded'] as const;
export type FulfilmentStatus = (typeof fulfilmentStatuses)[number];

/** What receiving found for a line (all, fewer pieces, damaged, not what was ordered); null until received. */
export const receiptOutcomes = ['complete', 'short', 'damaged', 'wrong_item'] as const;
export type ReceiptOutcome = (typeof receiptOutcomes)[number];

export const orderItems = mysqlTable(
  'order_items',
  {
    id: id(),
    orderId: ref('order_id').notNull(),
    skuId: ref('sku_id').notNull(),
    productId: ref('product_id').notNull(),
    sellerId: ref('seller_id').notNull(),
    title: varchar('title', { length: 512 }).notNull(),
    attributes: json('attributes').$type<SpecAttribute[]>().notNull(),
    quantity: int('quantity').notNull(),
    unitPriceCnyMinor: minor('unit_price_cny_minor').notNull(),
    /** The shopper's note to the buyer, as typed (any language). */
    remark: varchar('remark', { length: 300 }),
    /** A machine translation of the note into Chinese, offered to the purchaser as a start; null until made. */
    remarkMachineZh: varchar('remark_machine_zh', { length: 1000 }),
    /** What the seller reads: the purchaser's Chinese for the note, set when they release the line to buying. */
    remarkZh: varchar('remark_zh', { length: 500 }),
    remarkReviewedBy: ref('remark_reviewed_by'),
    remarkReviewedAt: at('remark_reviewed_at'),
    /** Where the line is in upstream purchasing; null until the order is paid. See lib/purchasing. */
    purchaseStatus: mysqlEnum('purchase_status', purchaseStatuses),
    purchaseOrderId: ref('purchase_order_id'),
    fulfilmentStatus: mysqlEnum('fulfilment_status', fulfilmentStatuses).notNull().default('upstream'),
    fulfilmentVersion: int('fulfilment_version').notNull().default(0),
    receivedAt: at('received_at'),
    /** Measured at receiving: grams, and the outer size in millimetres. */
    weightGrams: int('weight_grams'),
    lengthMm: int('length_mm'),
    widthMm: int('width_mm'),
    heightMm: int('height_mm'),
    /** The warehouse shelf or bin the item is stored in (on its label). */
    storageBin: varchar('storage_bin', { length: 16 }),
    /** What receiving found against the line: all of it, fewer pieces, damaged, or not what was ordered. */
    receiptOutcome: mysqlEnum('receipt_outcome', receiptOutcomes),
    /** Pieces received (the line's quantity unless `short`). */
    receivedQuantity: int('received_quantity'),
    /** Receiving's note on the outcome (what is missing, the damage, what came instead). */
    receiptNote: varchar('receipt_note', { length: 500 }),
    /** The warehouse's measurement note shown with the QC photos ("length 68 cm, sleeve 61 cm"). */
    qcNote: varchar('qc_note', { length: 500 }),
    /** Goods the warehouse found the item to be (a battery the listing did not mention); null: the product's flags stand. */
    goods: json('goods').$type<string[] | null>(),
    /** When the item's photos reached its allowance: the shopper's decision window runs from here. */
    qcReadyAt: at('qc_ready_at'),
    /** The shopper's reason for a return or exchange, and the seller's answer staff recorded. */
    returnReason: varchar('return_reason', { length: 500 }),
    returnAnswer: varchar('return_answer', { length: 500 }),
    /** When and by whom the QC decision was made: `shopper`, `partner`, `staff` or `auto` (the window ran out). */
    decidedAt: at('decided_at'),
    decidedBy: varchar('decided_by', { length: 16 }),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId),
    index('order_items_sku_idx').on(t.skuId),
    index('order_items_purchase_idx').on(t.purchaseStatus, t.sellerId),
    index('order_items_po_idx').on(t.purchaseOrderId),
    index('order_items_fulfilment_idx').on(t.fulfilmentStatus, t.receivedAt),
    index('order_items_qc_ready_idx').on(t.fulfilmentStatus, t.qcReadyAt),
    index('order_items_product_fulfilment_idx').on(t.productId, t.fulfilmentStatus),
  ],
);

/**
 * The outbox: one row per transition, written in the transition's transaction. Downstream consumers
 * (notifications, logistics, reports) read unpublished rows in id order. Every state machine writes
 * here (lib/state-machine): `subject_type`/`subject_id` name the row that moved (`order`,
 * `purchase_order`, …). `order_id` and the order statuses are filled for orders only; other
 * subjects carry their from/to in `payload`.
 */
export const orderEvents = mysqlTable(
  'order_events',
  {
    id: id(),
    orderId: ref('order_id'),
    subjectType: varchar('subject_type', { length: 32 }).notNull().default('order'),
    subjectId: ref('subject_id').notNull(),
    type: varchar('type', { length: 48 }).notNull(),
    fromStatus: mysqlEnum('from_status', orderStatuses),
    toStatus: mysqlEnum('to_status', orderStatuses),
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    publishedAt: at('published_at'),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId),
    index('order_events_subject_idx').on(t.subjectType, t.subjectId, t.id),
    index('order_events_unpublished_idx').on(t.publishedAt, t.id),
  ],
);

export const actorTypes = ['user', 'partner', 'gateway', 'system', 'cli'] as const;
export type ActorType = (typeof actorTypes)[number];

/** Who did what: every order transition and every staff write. */
export const auditLog = mysqlTable(
  'audit_log',
  {
    id: id(),
    actorType: mysqlEnum('actor_type', actorTypes).notNull(),
    actorId: varchar('actor_id', { length: 64 }),
    actorLabel: varchar('actor_label', { length: 254 }),
    action: varchar('action', { length: 64 }).notNull(),
    subjectType: varchar('subject_type', { length: 32 }).notNull(),
    subjectId: varchar('subject_id', { length: 64 }).notNull(),
    details: json('details').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId, t.createdAt)],
);
