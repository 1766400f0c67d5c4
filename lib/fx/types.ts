import type { CurrencyCode } from '@/lib/money/currencies';

/**
 * A set of rates as one source published them: 1 `base` = `rates[QUOTE]` QUOTE, as decimal strings
 * exactly as received (never parsed into Numbers). ECB publishes EUR-based rates once a day.
 */
export type RateSnapshot = {
  base: CurrencyCode | (string & {});
  /** When the source fixed these rates (the ECB's reference date), not when we downloaded them. */
  capturedAt: Date;
  /** Where the rates come from: 'ecb', 'ecb-snapshot'. Stored with every row. */
  source: string;
  rates: Record<string, string>;
  /** Per-quote source where a rate was derived rather than published (AED from its USD peg). */
  sources?: Record<string, string>;
};

export type FxProvider = {
  name: string;
  fetchRates(): Promise<RateSnapshot>;
};

/** One row of `fx_rates` as Ferry writes it: 1 `base` = `rate` `quote`. */
export type FxRateRow = {
  base: string;
  quote: string;
  rate: string;
  source: string;
  capturedAt: Date;
};

export type RateEntry = {
  /** 1 CNY = `rate` of the currency, a decimal string with up to 12 places. */
  rate: string;
  source: string;
  /** ISO 8601 UTC. */
  capturedAt: string;
};

/**
 * The latest known rate from CNY (the catalog currency) to every supported currency. Partial: a
 * fresh database, or a feed that lost a currency, has gaps; `requireRate` turns a gap into an error.
 */
export type RateTable = {
  base: 'CNY';
  rates: Partial<Record<CurrencyCode, RateEntry>>;
};

export type FxErrorCode = 'fx_feed_invalid' | 'fx_feed_unavailable' | 'fx_rate_missing';

export class FxError extends Error {
  constructor(
    readonly code: FxErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FxError';
  }
}

export function requireRate(table: RateTable, currency: CurrencyCode): RateEntry {
  const entry = table.rates[currency];
  if (!entry) throw new FxError('fx_rate_missing', `No CNY→${currency} rate is stored; run \`ferry fx refresh\``);
  return entry;
}
