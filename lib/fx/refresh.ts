import 'server-only';
import type { Database } from '@/db/client';
import type { CurrencyCode } from '@/lib/money/currencies';
import { toCnyRates } from './cross';
import { addUsdPegs } from './pegs';
import { saveRates } from './store';
import type { FxProvider } from './types';

export type RefreshSummary = {
  provider: string;
  source: string;
  /** The feed's own base (EUR for the ECB) before re-basing on CNY. */
  feedBase: string;
  base: 'CNY';
  /** ISO 8601 UTC: when the source fixed these rates. */
  capturedAt: string;
  inserted: number;
  /** Rows already stored for the same capture time (a second refresh on the same feed day). */
  skipped: number;
  /** 1 CNY = rate QUOTE as saved, for the operator's eye. */
  rates: Partial<Record<CurrencyCode, string>>;
  /** Supported currencies the feed could not price; their last stored rate stays in use. */
  missing: CurrencyCode[];
};

/**
 * fetch → add USD-pegged currencies → re-base on CNY → save. Behind `ferry fx refresh` (which
 * prints the summary as JSON) and any scheduled refresh. A feed error propagates as FxError
 * before anything is written, so a bad feed never replaces good rates.
 */
export async function refreshRates(db: Database, provider: FxProvider): Promise<RefreshSummary> {
  const snapshot = addUsdPegs(await provider.fetchRates());
  const { rows, missing } = toCnyRates(snapshot);
  const { inserted, skipped } = await saveRates(db, rows);
  return {
    provider: provider.name,
    source: snapshot.source,
    feedBase: snapshot.base,
    base: 'CNY',
    capturedAt: snapshot.capturedAt.toISOString(),
    inserted,
    skipped,
    rates: Object.fromEntries(rows.map((row) => [row.quote, row.rate])),
    missing,
  };
}
