import { bigint, char, datetime, decimal, index, mysqlTable, varchar } from 'drizzle-orm/mysql-core';

/**
 * Exchange rates as captured: 1 `base` = `rate` `quote`. Rates are decimal strings (mysql2 returns
 * DECIMAL as string; they are never turned into floats). History is kept: orders pin a row.
 */
export const fxRates = mysqlTable(
  'fx_rates',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    base: char('base', { length: 3 }).notNull(),
    quote: char('quote', { length: 3 }).notNull(),
    rate: decimal('rate', { precision: 24, scale: 12 }).notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    capturedAt: datetime('captured_at', { mode: 'date', fsp: 3 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('fx_rates_pair_time_idx').on(t.base, t.quote, t.capturedAt)],
);
