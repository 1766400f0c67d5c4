import { describe, expect, it } from 'vitest';
import { ledgerAmounts } from './append-ledger';

describe('a ledger row’s CNY and reporting amounts', () => {
  const rates = { chargeCurrency: 'EUR', chargeRate: '0.1283', baseCurrency: 'USD', baseRate: '0.139' };

  it('converts once from the pinned rate, half-even', () => {
    // 1,000 euro cents ÷ 0.1283 = 7,794.23… fen; × 0.139 = 1,083.39… US cents.
    expect(ledgerAmounts(1_000, 'EUR', rates)).toEqual({ cnyMinor: 7_794, reportingMinor: 1_083, reportingCurrency: 'USD' });
  });

  it('keeps the CNY amount when no reporting rate is known', () => {
    expect(ledgerAmounts(1_000, 'EUR', { ...rates, baseRate: null })).toEqual({ cnyMinor: 7_794, reportingMinor: null, reportingCurrency: null });
  });

  it('converts nothing in a currency the rates are not for, or without rates', () => {
    expect(ledgerAmounts(1_000, 'USD', rates)).toEqual({ cnyMinor: null, reportingMinor: null, reportingCurrency: null });
    expect(ledgerAmounts(1_000, 'EUR', null)).toEqual({ cnyMinor: null, reportingMinor: null, reportingCurrency: null });
  });
});
