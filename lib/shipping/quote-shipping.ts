import 'server-only';
import type { Database } from '@/db/client';
import { getLatestRates } from '@/lib/fx/store';
import { requireRate, type RateTable } from '@/lib/fx/types';
import { loadActiveLines } from './load-lines';
import { quoteLines } from './quote-lines';
import type { QuoteRate, ShippingLineRule, ShippingQuoteRequest, ShippingQuoteResult } from './types';

export type QuoteShippingOptions = {
  /** Lines already read (the storefront's cached copy); default: the active lines, read now. */
  lines?: readonly ShippingLineRule[];
  /** Rates already read (the storefront's cached table); default: the newest stored rates, as checkout reads them. */
  rates?: RateTable;
};

/** The quote's rate for a currency from a rate table: CNY is 1, anything else must be stored (fx_rate_missing otherwise). */
export function quoteRate(table: RateTable, currency: ShippingQuoteRequest['currency']): QuoteRate {
  if (currency === 'CNY') return { currency, rate: '1', source: 'identity', capturedAt: new Date(0).toISOString() };
  const entry = requireRate(table, currency);
  return { currency, rate: entry.rate, source: entry.source, capturedAt: entry.capturedAt };
}

/**
 * Quotes a parcel on every active line: the estimator, `GET /api/shipping/quote`, the product page
 * and cart estimates, and parcels (items' weights plus packaging, with the declared value for
 * insurance) all call this. Lines and rates come from the database unless the caller hands in cached
 * copies; the rate store is checkout's (lib/fx/store).
 */
export async function quoteShipping(db: Database, request: ShippingQuoteRequest, options: QuoteShippingOptions = {}): Promise<ShippingQuoteResult> {
  const needsRate = request.currency !== 'CNY';
  const [lines, rates] = await Promise.all([
    options.lines ?? loadActiveLines(db),
    options.rates ?? (needsRate ? getLatestRates(db) : ({ base: 'CNY', rates: {} } satisfies RateTable)),
  ]);
  return quoteLines(lines, request, quoteRate(rates, request.currency));
}
