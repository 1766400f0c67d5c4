import { describe, expect, it } from 'vitest';
import { convertOrderBreakdown, priceOrder, type PricingLine } from './pricing';
import { convert, money } from '@/lib/money';

const settings = { serviceFeePercent: '5', serviceFeeMinCny: 1000, codFeeCny: 2000 };
const line = (over: Partial<PricingLine>): PricingLine => ({ skuId: 1, sellerId: 1, unitPriceCny: 1000, quantity: 1, domesticShippingCny: 800, ...over });

describe('priceOrder', () => {
  it('charges domestic shipping once per seller, at the highest fee of that seller’s products', () => {
    const { breakdown } = priceOrder(
      [line({ skuId: 1, sellerId: 1, domesticShippingCny: 800 }), line({ skuId: 2, sellerId: 1, domesticShippingCny: 1200 }), line({ skuId: 3, sellerId: 2, domesticShippingCny: 500 })],
      [],
      { cashOnDelivery: false },
      settings,
    );
    expect(breakdown.domesticShipping).toBe(1200 + 500);
  });

  it('takes the service fee as a percentage of the items with a minimum', () => {
    expect(priceOrder([line({ unitPriceCny: 4000, quantity: 2 })], [], { cashOnDelivery: false }, settings).breakdown.serviceFee).toBe(1000);
    expect(priceOrder([line({ unitPriceCny: 100_000, quantity: 3 })], [], { cashOnDelivery: false }, settings).breakdown.serviceFee).toBe(15_000);
    // 5 % of 333.33 CNY is 16.6665 → 16.67 (half-even on the fen).
    expect(priceOrder([line({ unitPriceCny: 33_333 })], [], { cashOnDelivery: false }, { ...settings, serviceFeeMinCny: 0 }).breakdown.serviceFee).toBe(1667);
  });

  it('prices value-added services per line and per seller parcel, each service once, and the COD fee', () => {
    const lines = [line({ skuId: 1, sellerId: 1 }), line({ skuId: 2, sellerId: 2 }), line({ skuId: 3, sellerId: 2 })];
    const { breakdown, totalCny } = priceOrder(lines, ['extra_qc_photos', 'careful_packing', 'extra_qc_photos'], { cashOnDelivery: true }, settings);
    expect(breakdown.valueAddedServices).toBe(3 * 300 + 2 * 800);
    expect(breakdown.codFee).toBe(2000);
    expect(totalCny).toBe(breakdown.items + breakdown.domesticShipping + breakdown.serviceFee + breakdown.valueAddedServices + breakdown.codFee);
  });

  it('refuses an empty order', () => {
    expect(() => priceOrder([], [], { cashOnDelivery: false }, settings)).toThrow();
  });
});

describe('convertOrderBreakdown at a pinned rate', () => {
  it('rounds the total once and makes the lines add up to it', () => {
    const breakdown = { items: 5, domesticShipping: 5, serviceFee: 5, valueAddedServices: 0, codFee: 0, discount: 0 };
    // 0.15 CNY at 0.14 → 0.021 USD → 2 cents in total; each 0.05 CNY line would round to 1 cent (3 in all).
    const { lines, total } = convertOrderBreakdown(breakdown, 'USD', '0.14');
    expect(total).toEqual({ amountMinor: 2, currency: 'USD' });
    expect(Object.values(lines).reduce((a, m) => a + m.amountMinor, 0)).toBe(2);
  });

  it('keeps the items row at the cart subtotal whether or not a service is ticked', () => {
    const rate = '0.141272635208';
    const base = { items: 10_068, domesticShipping: 800, serviceFee: 1_000, valueAddedServices: 0, codFee: 0, discount: 0 };
    const subtotal = convert(money(10_068, 'CNY'), 'EUR', rate); // €14.2233… → €14.22
    for (const valueAddedServices of [0, 300, 800, 1_100]) {
      const { lines, total } = convertOrderBreakdown({ ...base, valueAddedServices }, 'EUR', rate);
      expect(lines.items).toEqual(subtotal);
      expect(Object.values(lines).reduce((a, m) => a + m.amountMinor, 0)).toBe(total.amountMinor);
      expect(lines.codFee.amountMinor).toBe(0);
    }
  });

  it('converts into zero- and three-decimal currencies', () => {
    const breakdown = { items: 123_456, domesticShipping: 0, serviceFee: 0, valueAddedServices: 0, codFee: 0, discount: 0 };
    expect(convertOrderBreakdown(breakdown, 'JPY', '21.5').total).toEqual({ amountMinor: 26_543, currency: 'JPY' });
    expect(convertOrderBreakdown(breakdown, 'KRW', '190.25').total.amountMinor).toBe(234_875);
  });
});
