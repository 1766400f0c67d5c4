import { char, index, mysqlEnum, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, ref, timestamps } from './columns';

export const walletEntryKinds = ['topup', 'spend', 'refund', 'adjustment', 'release'] as const;
export type WalletEntryKind = (typeof walletEntryKinds)[number];

/**
 * The wallet ledger: append-only, one row per movement of a shopper's balance in one currency,
 * `amount_minor` signed (credits positive, spends negative). A balance is the sum of its rows.
 * `source` names what caused the movement (a top-up's payment id, `price_difference:12`, an
 * adjustment's form key) and is unique per kind, so a replayed webhook or a second click cannot
 * write the same movement twice.
 */
export const walletEntries = mysqlTable(
  'wallet_entries',
  {
    id: id(),
    userId: ref('user_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    kind: mysqlEnum('kind', walletEntryKinds).notNull(),
    source: varchar('source', { length: 120 }).notNull(),
    note: varchar('note', { length: 500 }),
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: varchar('actor_id', { length: 64 }),
    actorLabel: varchar('actor_label', { length: 254 }),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex('wallet_entries_source_uq').on(t.kind, t.source), index('wallet_entries_user_idx').on(t.userId, t.currency, t.id)],
);

/**
 * The cached balance per (user, currency): written only in the transaction that appends its entry;
 * a spend lowers it with a guarded `balance_minor >= amount` update, so concurrent spends never take
 * it below zero. verifyWalletBalances proves it equals the sum of the entries.
 */
export const walletBalances = mysqlTable(
  'wallet_balances',
  {
    userId: ref('user_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    balanceMinor: minor('balance_minor').notNull(),
    updatedAt: at('updated_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.userId, t.currency], name: 'wallet_balances_pk' })],
);

export const walletTopupStatuses = ['open', 'credited', 'flagged'] as const;
export type WalletTopupStatus = (typeof walletTopupStatuses)[number];

/**
 * A shopper's top-up paid through the card gateway. `reference` is random (it names the payment at
 * the gateway, whose account several tenant databases may share, so row ids would collide); the
 * webhook credits the wallet once, and a payment of another amount or currency is `flagged`.
 */
export const walletTopups = mysqlTable(
  'wallet_topups',
  {
    id: id(),
    reference: varchar('reference', { length: 40 }).notNull(),
    userId: ref('user_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    status: mysqlEnum('status', walletTopupStatuses).notNull().default('open'),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 100 }),
    flagReason: varchar('flag_reason', { length: 255 }),
    creditedAt: at('credited_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('wallet_topups_reference_uq').on(t.reference), index('wallet_topups_user_idx').on(t.userId, t.id)],
);
