import { describe, expect, it } from 'vitest';
import { parseWalletAmount } from './amount';

describe('parseWalletAmount', () => {
  it('reads an amount in the currency’s own minor units', () => {
    expect(parseWalletAmount('12.50', 'EUR')).toEqual({ ok: true, currency: 'EUR', amountMinor: 1250 });
    expect(parseWalletAmount(' 12,5 ', 'USD')).toEqual({ ok: true, currency: 'USD', amountMinor: 1250 });
    expect(parseWalletAmount('1000', 'JPY')).toEqual({ ok: true, currency: 'JPY', amountMinor: 1000 });
    expect(parseWalletAmount('3', 'KRW')).toEqual({ ok: true, currency: 'KRW', amountMinor: 3 });
  });

  it('refuses more decimals than the currency has instead of rounding them away', () => {
    expect(parseWalletAmount('10.5', 'JPY')).toEqual({ ok: false, problem: 'amountTooPrecise' });
    expect(parseWalletAmount('1.999', 'EUR')).toEqual({ ok: false, problem: 'amountTooPrecise' });
  });

  it('refuses zero, negatives, words, thousands separators and absurd amounts', () => {
    expect(parseWalletAmount('0', 'EUR')).toEqual({ ok: false, problem: 'amountNotPositive' });
    expect(parseWalletAmount('0.00', 'EUR')).toEqual({ ok: false, problem: 'amountNotPositive' });
    expect(parseWalletAmount('-5', 'EUR')).toEqual({ ok: false, problem: 'amountInvalid' });
    expect(parseWalletAmount('ten', 'EUR')).toEqual({ ok: false, problem: 'amountInvalid' });
    expect(parseWalletAmount('1,000.00', 'EUR')).toEqual({ ok: false, problem: 'amountInvalid' });
    expect(parseWalletAmount('', 'EUR')).toEqual({ ok: false, problem: 'amountInvalid' });
    expect(parseWalletAmount('1e3', 'EUR')).toEqual({ ok: false, problem: 'amountInvalid' });
    expect(parseWalletAmount('1000000.01', 'EUR')).toEqual({ ok: false, problem: 'amountTooLarge' });
    expect(parseWalletAmount('1000000', 'EUR')).toEqual({ ok: true, currency: 'EUR', amountMinor: 100_000_000 });
  });

  it('refuses a currency the shop does not take', () => {
    expect(parseWalletAmount('10', 'KWD')).toEqual({ ok: false, problem: 'currencyInvalid' });
    expect(parseWalletAmount('10', 'eur')).toEqual({ ok: false, problem: 'currencyInvalid' });
  });
});
