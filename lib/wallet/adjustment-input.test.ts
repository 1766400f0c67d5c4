import { describe, expect, it } from 'vitest';
import { adjustmentInput } from './adjustment-input';
import { topupInput } from './topup-input';

const key = '0b9e4a38-6a53-4d3f-9a0e-2f4a3f1c7b11';

describe('the wallet forms’ input', () => {
  it('turns a debit into a negative amount in minor units and keeps the reason', () => {
    expect(adjustmentInput.parse({ locale: 'de', userId: '7', direction: 'debit', currency: 'EUR', amount: '12,34', reason: ' Doppelte Gutschrift ', key })).toEqual({
      locale: 'de',
      userId: 7,
      currency: 'EUR',
      amountMinor: -1234,
      reason: 'Doppelte Gutschrift',
      key,
    });
    expect(adjustmentInput.parse({ locale: 'en', userId: '7', direction: 'credit', currency: 'JPY', amount: '500', reason: 'goodwill', key }).amountMinor).toBe(500);
  });

  it('refuses an adjustment without a reason, and names the input at fault', () => {
    const missing = adjustmentInput.safeParse({ locale: 'en', userId: '7', direction: 'credit', currency: 'EUR', amount: '5', reason: '  ', key });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'reasonRequired']]);
    const tooPrecise = topupInput.safeParse({ locale: 'ja', currency: 'JPY', amount: '10.5' });
    expect(tooPrecise.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['amount', 'amountTooPrecise']]);
    const currency = topupInput.safeParse({ locale: 'en', currency: 'XXX', amount: '10' });
    expect(currency.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['currency', 'currencyInvalid']]);
    expect(topupInput.parse({ locale: 'en', currency: 'USD', amount: '25.5' })).toEqual({ locale: 'en', currency: 'USD', amountMinor: 2550 });
  });
});
