import { char, index, int, mediumtext, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, ref } from './columns';

export const ledgerKinds = ['charge', 'refund', 'failure', 'cod_due'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * The payment ledger: append-only. Every money movement of an order or a shopper is a row: card
 * gateways' charges and refunds, and the wallet's (`gateway = 'wallet'`: an order or a charge paid
 * from the balance, a refund to the balance), so revenue and refunds read one table. Unique on (gateway, transaction id, kind), so a callback that
 * arrives twice cannot write a second row. A row whose amount or currency differs from the order's
 * pinned charge is `flagged` for finance and never marks the order paid. A `refund` row holds what
 * that refund added (not the charge's running total), so a charge's refund rows add up to what was
 * refunded of it.
 */
export const paymentLedger = mysqlTable(
  'payment_ledger',
  {
    id: id(),
    /**
     * Null for money that belongs to no order: a wallet top-up is gateway money like any charge
     * (reconciliation must see it), but it is the shopper's (`user_id`), not an order's.
     */
    orderId: ref('order_id'),
    userId: ref('user_id'),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    transactionId: varchar('transaction_id', { length: 100 }).notNull(),
    kind: mysqlEnum('kind', ledgerKinds).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /**
     * The same amount in CNY and in the reporting currency, converted once (half-even) when the row
     * is written: at the order's pinned rates for an order's money, at the FX store's rate of that
     * moment for money that belongs to no order (a wallet top-up). Null when no rate was known.
     */
    cnyMinor: minor('cny_minor'),
    reportingMinor: minor('reporting_minor'),
    reportingCurrency: char('reporting_currency', { length: 3 }),
    status: mysqlEnum('status', ['recorded', 'flagged']).notNull().default('recorded'),
    flagReason: varchar('flag_reason', { length: 255 }),
    eventId: varchar('event_id', { length: 100 }),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  // (gateway, created_at): a day's rows for reconciliation (lib/finance/reconcile) without a scan.
  (t) => [
    uniqueIndex('payment_ledger_tx_uq').on(t.gateway, t.transactionId, t.kind),
    index('payment_ledger_order_idx').on(t.orderId),
    index('payment_ledger_user_idx').on(t.userId),
    index('payment_ledger_day_idx').on(t.gateway, t.createdAt),
  ],
);

/**
 * Webhook deliveries as received (raw body), claimed by event id before Ferry answers 2xx
 * (lib/webhooks). `consumer` is the module that owns and applies the row (lib/webhooks/consumers.ts);
 * each consumer sweeps only its own. `outcome` is what processing did (`paid`, `applied`, `stale`,
 * …); `error` says why a row was set aside or failed.
 */
export const webhookEvents = mysqlTable(
  'webhook_events',
  {
    id: id(),
    source: varchar('source', { length: 32 }).notNull(),
    eventId: varchar('event_id', { length: 100 }).notNull(),
    consumer: varchar('consumer', { length: 32 }).notNull(),
    type: varchar('type', { length: 64 }).notNull(),
    payload: mediumtext('payload').notNull(),
    deliveries: int('deliveries').notNull().default(1),
    receivedAt: at('received_at').notNull().$defaultFn(() => new Date()),
    processedAt: at('processed_at'),
    outcome: varchar('outcome', { length: 48 }),
    error: varchar('error', { length: 255 }),
  },
  (t) => [uniqueIndex('webhook_events_uq').on(t.source, t.eventId), index('webhook_events_consumer_idx').on(t.consumer, t.processedAt, t.id)],
);
