import { describe, expect, it } from 'vitest';
import { morePhotosCharge } from './more-photos-charge';

const settings = { morePhotosCount: 3, morePhotosPriceFen: 500 };

describe('the price of more QC photos', () => {
  it('converts the CNY price at the order’s pinned rate, not a live one', () => {
    // 5.00 CNY at 1 CNY = 0.128 EUR → 0.64 EUR.
    expect(morePhotosCharge(settings, { chargeCurrency: 'EUR', chargeRate: '0.128' })).toEqual({ quantity: 3, amountCnyMinor: 500, chargeCurrency: 'EUR', chargeMinor: 64 });
  });

  it('rounds half to even once, in the currency’s own exponent', () => {
    // 5.00 CNY × 0.1250 = 0.625 EUR → 0.62 (half-even); JPY has no minor unit: 5 × 20.5 = 102.5 → 102.
    expect(morePhotosCharge(settings, { chargeCurrency: 'EUR', chargeRate: '0.125' }).chargeMinor).toBe(62);
    expect(morePhotosCharge(settings, { chargeCurrency: 'JPY', chargeRate: '20.5' }).chargeMinor).toBe(102);
  });

  it('charges CNY orders the price itself, and nothing when the agent gives photos away', () => {
    expect(morePhotosCharge(settings, { chargeCurrency: 'CNY', chargeRate: '1' }).chargeMinor).toBe(500);
    expect(morePhotosCharge({ morePhotosCount: 5, morePhotosPriceFen: 0 }, { chargeCurrency: 'USD', chargeRate: '0.14' })).toMatchObject({ quantity: 5, chargeMinor: 0 });
  });
});
