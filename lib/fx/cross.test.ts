import { readFileSync } from 'node:fs';
import path from 'node:path';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES } from '@/lib/money/currencies';
import { toCnyRates } from './cross';
import { parseEcbDaily } from './ecb';
import { addUsdPegs, USD_PEGS } from './pegs';
import { bundledSnapshot, snapshotProvider } from './snapshot';
import type { RateSnapshot } from './types';

const ecb = parseEcbDaily(readFileSync(path.join(import.meta.dirname, 'fixtures/eurofxref-daily.xml'), 'utf8'));
const rateOf = (rows: { quote: string; rate: string }[], quote: string) => rows.find((r) => r.quote === quote)?.rate;

describe('addUsdPegs', () => {
  it('derives AED and SAR from the EUR→USD rate and marks their source', () => {
    const pegged = addUsdPegs(ecb);
    expect(pegged.rates.AED).toBe('4.25752925'); // 1.1593 × 3.6725, exact
    expect(pegged.rates.SAR).toBe('4.347375'); // 1.1593 × 3.75
    expect(pegged.sources).toEqual({ AED: 'ecb+usd-peg', SAR: 'ecb+usd-peg' });
    expect(pegged.rates.USD).toBe('1.1593');
    expect(ecb.rates.AED).toBeUndefined(); // the input is not mutated
  });

  it('keeps a published rate and handles a USD-based feed', () => {
    const published = addUsdPegs({ ...ecb, rates: { ...ecb.rates, AED: '4.2600' } });
    expect(published.rates.AED).toBe('4.2600');
    expect(published.sources?.AED).toBeUndefined();
    const usdBased: RateSnapshot = { base: 'USD', capturedAt: new Date(0), source: 'x', rates: { CNY: '7.1' } };
    expect(addUsdPegs(usdBased).rates).toMatchObject({ AED: USD_PEGS.AED, SAR: USD_PEGS.SAR });
  });

  it('cannot derive anything without USD', () => {
    const noUsd: RateSnapshot = { base: 'EUR', capturedAt: new Date(0), source: 'x', rates: { CNY: '8' } };
    expect(addUsdPegs(noUsd)).toBe(noUsd);
  });
});

describe('toCnyRates', () => {
  const { rows, missing } = toCnyRates(addUsdPegs(ecb));

  it('rebases on CNY to 12 places half-even', () => {
    // Oracle: Python's decimal module, (EUR→X / EUR→CNY) quantized to 1e-12 ROUND_HALF_EVEN.
    expect(rateOf(rows, 'JPY')).toBe('21.757940787959');
    expect(rateOf(rows, 'USD')).toBe('0.140492262201');
    expect(new Big(rateOf(rows, 'KRW') ?? '0').eq('205.826678139050')).toBe(true);
    expect(rateOf(rows, 'GBP')).toBe('0.10686646388');
    expect(rateOf(rows, 'AED')).toBe('0.515957832931');
    expect(rateOf(rows, 'SAR')).toBe('0.526845983252');
    expect(rateOf(rows, 'EUR')).toBe('0.121187149315');
    expect(rateOf(rows, 'CNY')).toBe('1');
  });

  it('covers every supported currency with source and capture time', () => {
    expect(missing).toEqual([]);
    expect(rows.map((r) => r.quote).sort()).toEqual([...SUPPORTED_CURRENCIES].sort());
    for (const row of rows) {
      expect(row.base).toBe('CNY');
      expect(row.capturedAt).toEqual(ecb.capturedAt);
      expect(row.source).toBe(row.quote === 'AED' || row.quote === 'SAR' ? 'ecb+usd-peg' : 'ecb');
      // Every rate is within half a unit in the 12th place of the exact quotient.
      if (row.quote === 'CNY') continue;
      const eurToQuote = new Big(row.quote === 'EUR' ? '1' : (addUsdPegs(ecb).rates[row.quote] ?? '0'));
      const error = new Big(row.rate).times(ecb.rates.CNY ?? '0').minus(eurToQuote).abs();
      expect(error.lte(new Big('0.5e-12').times(ecb.rates.CNY ?? '0')), row.quote).toBe(true);
    }
  });

  it('reports currencies the feed cannot price and refuses a feed without CNY', () => {
    const partial = toCnyRates({ ...ecb, rates: { CNY: '8.2517', USD: '1.1593' } });
    expect(partial.missing).toEqual(expect.arrayContaining(['JPY', 'KRW', 'AED']));
    expect(partial.rows.map((r) => r.quote)).toEqual(['CNY', 'USD', 'EUR']);
    expect(() => toCnyRates({ ...ecb, rates: { USD: '1.1' } })).toThrow(/no EUR→CNY rate/);
  });
});

describe('snapshotProvider', () => {
  it('bundles an ECB-shaped snapshot that prices every supported currency', async () => {
    const snapshot = await snapshotProvider().fetchRates();
    expect(snapshot).toMatchObject({ base: 'EUR', source: 'ecb-snapshot' });
    expect(snapshot.capturedAt.toISOString()).toBe(bundledSnapshot().capturedAt.toISOString());
    expect(toCnyRates(addUsdPegs(snapshot)).missing).toEqual([]);
    expect(addUsdPegs(snapshot).sources?.AED).toBe('ecb-snapshot+usd-peg');
  });

  it('lets a caller move the capture time and override quotes', async () => {
    const at = new Date('2027-01-04T15:00:00Z');
    const snapshot = await snapshotProvider({ capturedAt: at, rates: { USD: '1.2000' } }).fetchRates();
    expect(snapshot.capturedAt).toEqual(at);
    expect(snapshot.rates.USD).toBe('1.2000');
    expect(bundledSnapshot().rates.USD).not.toBe('1.2000');
  });
});
