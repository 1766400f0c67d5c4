import 'server-only';
import Big from 'big.js';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { fxRates } from '@/db/schema/fx';
import { normalizeRate } from '@/lib/money/convert';
import { BASE_CURRENCY, isSupportedCurrency } from '@/lib/money/currencies';
import { FxError, type FxRateRow, type RateTable } from './types';

/**
 * Persistence of captured rates. History is append-only (an order pins the rate it was priced
 * at); reads want the latest rate per currency.
 */

/** DECIMAL(24,12): at most 12 integer and 12 fractional digits. MySQL would round silently. */
const STORABLE_RATE = /^\d{1,12}(\.\d{1,12})?$/;

export type SaveResult = { inserted: number; skipped: number };

/**
 * Inserts rows, skipping any whose pair already has an equal rate and source at the same capture
 * time, so re-running a refresh on the same feed day writes nothing. Two queries whatever the
 * number of rows: one read of what exists, one multi-row insert.
 */
export async function saveRates(db: Database, rows: readonly FxRateRow[]): Promise<SaveResult> {
  for (const row of rows) {
    if (!STORABLE_RATE.test(row.rate) || !/[1-9]/.test(row.rate)) {
      throw new FxError('fx_feed_invalid', `Rate ${row.base}→${row.quote} ${JSON.stringify(row.rate)} does not fit DECIMAL(24,12)`);
    }
  }
  if (rows.length === 0) return { inserted: 0, skipped: 0 };

  const bases = [...new Set(rows.map((r) => r.base))];
  const times = [...new Map(rows.map((r) => [r.capturedAt.getTime(), r.capturedAt])).values()];
  const existing = await db
    .select({ base: fxRates.base, quote: fxRates.quote, rate: fxRates.rate, source: fxRates.source, capturedAt: fxRates.capturedAt })
    .from(fxRates)
    .where(and(inArray(fxRates.base, bases), inArray(fxRates.capturedAt, times)));

  const key = (r: Pick<FxRateRow, 'base' | 'quote' | 'capturedAt'>) => `${r.base}|${r.quote}|${r.capturedAt.getTime()}`;
  const stored = new Map<string, (typeof existing)[number][]>();
  for (const row of existing) stored.set(key(row), [...(stored.get(key(row)) ?? []), row]);

  // Compare rates as decimals: MySQL hands back '7.123400000000' for a stored '7.1234'.
  const fresh = rows.filter(
    (row) => !(stored.get(key(row)) ?? []).some((old) => old.source === row.source && new Big(old.rate).eq(row.rate)),
  );
  if (fresh.length > 0) {
    await db.insert(fxRates).values(
      fresh.map((row) => ({ base: row.base, quote: row.quote, rate: row.rate, source: row.source, capturedAt: row.capturedAt })),
    );
  }
  return { inserted: fresh.length, skipped: rows.length - fresh.length };
}

/**
 * The newest CNY-based rate per currency, in one query: rank each pair's rows by capture time
 * (newest first; a later insert wins a tie) with ROW_NUMBER() and keep rank 1. Window functions
 * exist on both MySQL 8 and MariaDB ≥10.2, and the (base, quote, captured_at) index serves it.
 */
export async function getLatestRates(db: Database): Promise<RateTable> {
  const ranked = db
    .select({
      quote: fxRates.quote,
      rate: fxRates.rate,
      source: fxRates.source,
      capturedAt: fxRates.capturedAt,
      rank: sql<number>`row_number() over (partition by ${fxRates.quote} order by ${fxRates.capturedAt} desc, ${fxRates.id} desc)`.as(
        'rank_in_pair',
      ),
    })
    .from(fxRates)
    .where(eq(fxRates.base, BASE_CURRENCY))
    .as('ranked');

  const latest = await db
    .select({ quote: ranked.quote, rate: ranked.rate, source: ranked.source, capturedAt: ranked.capturedAt })
    .from(ranked)
    .where(eq(ranked.rank, 1));

  const table: RateTable = { base: BASE_CURRENCY, rates: {} };
  for (const row of latest) {
    // Rows for currencies no longer offered stay in history but are not offered for conversion.
    if (!isSupportedCurrency(row.quote)) continue;
    table.rates[row.quote] = { rate: normalizeRate(row.rate), source: row.source, capturedAt: row.capturedAt.toISOString() };
  }
  return table;
}

/** The newest rate of CNY → `quote` ("1" for CNY), or null when none was ever captured; usable inside a transaction. */
export async function latestRate(db: Pick<Database, 'select'>, quote: string): Promise<string | null> {
  if (quote === BASE_CURRENCY) return '1';
  const [row] = await db
    .select({ rate: fxRates.rate })
    .from(fxRates)
    .where(and(eq(fxRates.base, BASE_CURRENCY), eq(fxRates.quote, quote)))
    .orderBy(desc(fxRates.capturedAt), desc(fxRates.id))
    .limit(1);
  return row ? normalizeRate(row.rate) : null;
}
