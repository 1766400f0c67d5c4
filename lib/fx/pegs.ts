import { chainRate } from '@/lib/money/convert';
import type { RateSnapshot } from './types';

/**
 * Currencies with a fixed USD peg that the ECB does not publish. Their central banks hold the peg,
 * so 1 EUR = (EUR→USD) × peg is what banks quote, give or take the spread. One line per currency
 * (QAR 3.64, BHD 0.376, OMR 0.3845 and JOD 0.709 would follow the same rule when supported).
 */
export const USD_PEGS: Readonly<Record<string, string>> = {
  AED: '3.6725', // UAE dirham, pegged since 1997
  SAR: '3.75', // Saudi riyal, pegged since 1986
};

export const PEG_SOURCE_SUFFIX = '+usd-peg';

/**
 * Adds pegged currencies the snapshot lacks, derived from its USD rate, and marks each with its own
 * source ('ecb+usd-peg'). A snapshot that already quotes a pegged currency keeps its published rate;
 * one without USD cannot derive anything and is returned unchanged (the gap shows up as missing).
 */
export function addUsdPegs(snapshot: RateSnapshot): RateSnapshot {
  const usdRate = snapshot.base === 'USD' ? '1' : snapshot.rates.USD;
  if (!usdRate) return snapshot;

  const rates = { ...snapshot.rates };
  const sources = { ...snapshot.sources };
  const usdSource = sources.USD ?? snapshot.source;
  for (const [currency, peg] of Object.entries(USD_PEGS)) {
    if (currency === snapshot.base || Object.hasOwn(rates, currency)) continue;
    rates[currency] = chainRate(usdRate, peg);
    sources[currency] = `${usdSource}${PEG_SOURCE_SUFFIX}`;
  }
  return { ...snapshot, rates, sources };
}
