import { date, index, int, mediumtext, mysqlEnum, mysqlTable, tinyint, uniqueIndex, varchar, char, decimal } from 'drizzle-orm/mysql-core';
import { at, id, minor, ref } from './columns';

export const reconciliationSources = ['api', 'file'] as const;
export type ReconciliationSource = (typeof reconciliationSources)[number];

export const reconciliationItemKinds = ['missing_in_ledger', 'missing_in_settlement', 'amount_mismatch', 'currency_mismatch'] as const;
export type ReconciliationItemKind = (typeof reconciliationItemKinds)[number];

/**
 * One reconciliation of one UTC day's gateway movements against the payment ledger, per gateway and
 * source (`api`: the gateway's balance transactions; `file`: an imported settlement report). Unique on
 * (day, gateway, source): the daily job claims a day by inserting its row, so two servers never
 * reconcile it twice, and a re-run replaces the day's diff in place. `totals` is JSON per currency
 * (`{"USD":{"grossMinor","feeMinor","mismatchedMinor","movements"}}`); `mismatch_rate` is the worst
 * currency's mismatched money over its gross.
 */
export const reconciliationRuns = mysqlTable(
  'reconciliation_runs',
  {
    id: id(),
    day: date('day', { mode: 'string' }).notNull(),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    source: mysqlEnum('source', reconciliationSources).notNull(),
    status: mysqlEnum('status', ['running', 'done', 'failed']).notNull().default('running'),
    fileName: varchar('file_name', { length: 255 }),
    matchedCount: int('matched_count', { unsigned: true }).notNull().default(0),
    movementCount: int('movement_count', { unsigned: true }).notNull().default(0),
    itemCount: int('item_count', { unsigned: true }).notNull().default(0),
    mismatchRate: decimal('mismatch_rate', { precision: 12, scale: 8 }).notNull().default('0'),
    isAlert: tinyint('is_alert').notNull().default(0),
    totals: mediumtext('totals'),
    /** Reporting categories the run met that are not charges or refunds (listed as missing in ledger). */
    otherCategories: varchar('other_categories', { length: 500 }),
    error: varchar('error', { length: 255 }),
    alertSentAt: at('alert_sent_at'),
    startedAt: at('started_at').notNull().$defaultFn(() => new Date()),
    finishedAt: at('finished_at'),
  },
  (t) => [uniqueIndex('reconciliation_runs_day_uq').on(t.day, t.gateway, t.source), index('reconciliation_runs_alert_idx').on(t.isAlert, t.day)],
);

/**
 * One difference a run found. `item_key` names it across re-runs (so an explanation survives a
 * re-run that finds the same difference). Finance marks an item `explained` with a note (audited).
 */
export const reconciliationItems = mysqlTable(
  'reconciliation_items',
  {
    id: id(),
    runId: ref('run_id').notNull(),
    kind: mysqlEnum('kind', reconciliationItemKinds).notNull(),
    itemKey: varchar('item_key', { length: 200 }).notNull(),
    category: varchar('category', { length: 40 }),
    balanceTransactionId: varchar('balance_transaction_id', { length: 100 }),
    sourceId: varchar('source_id', { length: 100 }),
    chargeId: varchar('charge_id', { length: 100 }),
    paymentIntentId: varchar('payment_intent_id', { length: 100 }),
    ledgerId: ref('ledger_id'),
    ledgerTransactionId: varchar('ledger_transaction_id', { length: 100 }),
    orderId: ref('order_id'),
    gatewayAmountMinor: minor('gateway_amount_minor'),
    gatewayCurrency: char('gateway_currency', { length: 3 }),
    ledgerAmountMinor: minor('ledger_amount_minor'),
    ledgerCurrency: char('ledger_currency', { length: 3 }),
    /** The money this difference puts at odds, in `mismatch_currency` (counted toward the run's rate). */
    mismatchMinor: minor('mismatch_minor').notNull().default(0),
    mismatchCurrency: char('mismatch_currency', { length: 3 }).notNull(),
    status: mysqlEnum('status', ['open', 'explained']).notNull().default('open'),
    note: varchar('note', { length: 1000 }),
    explainedBy: ref('explained_by'),
    explainedAt: at('explained_at'),
  },
  (t) => [uniqueIndex('reconciliation_items_key_uq').on(t.runId, t.itemKey), index('reconciliation_items_status_idx').on(t.runId, t.status)],
);
