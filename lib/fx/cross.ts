import { crossRate } from '@/lib/money/convert';
import { BASE_CURRENCY, SUPPORTED_CURRENCIES, type CurrencyCode } from '@/lib/money/currencies';
import { FxError, type FxRateRow, type RateSnapshot } from './types';

export type CnyRates = {
  /** 1 CNY = rate QUOTE for every supported currency the snapshot could price (CNY→CNY is '1'). */
  rows: FxRateRow[];
  /** Supported currencies the snapshot had no rate for; their previous stored rate stays in use. */
  missing: CurrencyCode[];
};

/**
 * Re-bases a snapshot on CNY, the catalog currency, so a price converts with one multiplication:
 * 1 CNY = (1 BASE → QUOTE) / (1 BASE → CNY) QUOTE, divided by big.js to 12 places, half-even
 * (the DECIMAL(24,12) column holds exactly that). Only supported currencies are kept.
 */
export function toCnyRates(snapshot: RateSnapshot, currencies: readonly CurrencyCode[] = SUPPORTED_CURRENCIES): CnyRates {
  const baseToCny = rateFromBase(snapshot, BASE_CURRENCY);
  if (!baseToCny) {
    throw new FxError('fx_feed_invalid', `${snapshot.source} has no ${snapshot.base}→CNY rate; cannot price the catalog`);
  }
  const rows: FxRateRow[] = [];
  const missing: CurrencyCode[] = [];
  for (const quote of currencies) {
    const common = { base: BASE_CURRENCY, quote, capturedAt: snapshot.capturedAt };
    if (quote === BASE_CURRENCY) {
      rows.push({ ...common, rate: '1', source: snapshot.source });
      continue;
    }
    const baseToQuote = rateFromBase(snapshot, quote);
    if (!baseToQuote) {
      missing.push(quote);
      continue;
    }
    rows.push({ ...common, rate: crossRate(baseToCny, baseToQuote), source: sourceOf(snapshot, quote) });
  }
  return { rows, missing };
}

function rateFromBase(snapshot: RateSnapshot, quote: string): string | undefined {
  return quote === snapshot.base ? '1' : snapshot.rates[quote];
}

/** A derived quote (AED via its USD peg) carries its own source; everything else the snapshot's. */
function sourceOf(snapshot: RateSnapshot, quote: string): string {
  return snapshot.sources?.[quote] ?? snapshot.source;
}
