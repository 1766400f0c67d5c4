import { describe, expect, it } from 'vitest';
import { quoteCheckout } from './quote';

const settings = { serviceFeePercent: '5', serviceFeeMinCny: 1000, codFeeCny: 2000 };
const lines = [
  { skuId: 1, sellerId: 1, unitPriceCny: 12_345, quantity: 2, domesticShippingCny: 800 },
  { skuId: 2, sellerId: 2, unitPriceCny: 999, quantity: 1, domesticShippingCny: 0 },
];

describe('quoteCheckout', () => {
  it('prices services and cash on delivery, and converts lines that add up to the total', () => {
    const quote = quoteCheckout(lines, ['extra_qc_photos', 'careful_packing'], true, settings, { currency: 'EUR', rate: '0.127' });
    expect(quote.breakdownCny).toEqual({
      items: 25_689,
      domesticShipping: 800,
      serviceFee: 1284,
      valueAddedServices: 2 * 300 + 2 * 800,
      codFee: 2000,
      discount: 0,
    });
    expect(quote.totalCny).toBe(25_689 + 800 + 1284 + 2200 + 2000);
    const lineSum = Object.values(quote.converted.lines).reduce((sum, m) => sum + m.amountMinor, 0);
    expect(lineSum).toBe(quote.converted.total.amountMinor);
    // 319.73 CNY × 0.127 = 40.60571 EUR, rounded once.
    expect(quote.converted.total).toEqual({ amountMinor: 4061, currency: 'EUR' });
  });

  it('charges no COD fee for card payments', () => {
    expect(quoteCheckout(lines, [], false, settings, { currency: 'CNY', rate: '1' }).breakdownCny.codFee).toBe(0);
  });
});
