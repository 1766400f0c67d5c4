import { describe, expect, it } from 'vitest';
import { itemRefundMinor } from './item-refund';

describe('a returned item’s refund', () => {
  const order = { chargeCurrency: 'EUR', chargeRate: '0.128' };

  it('is unit price × quantity at the pinned rate, rounded once', () => {
    // 2 × 19.99 CNY = 39.98 CNY × 0.128 = 5.11744 EUR → 5.12.
    expect(itemRefundMinor({ quantity: 2, unitPriceCnyMinor: 1999 }, order, 100_000)).toBe(512);
  });

  it('never returns more than is still refundable of the charge', () => {
    expect(itemRefundMinor({ quantity: 2, unitPriceCnyMinor: 1999 }, order, 300)).toBe(300);
    expect(itemRefundMinor({ quantity: 2, unitPriceCnyMinor: 1999 }, order, -5)).toBe(0);
  });
});
