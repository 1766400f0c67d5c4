import { describe, expect, it } from 'vitest';
import type { PurchasePreview } from '@/lib/suppliers/types';
import { atOrderRate, checkPreviewPrices, declineRefundMinor, differenceRequests, linesTotalCny, type PaidLine } from './amounts';

const paid = (orderItemId: number, orderId: number, sourceSkuId: string, quantity: number, paidUnitMinor: number): PaidLine => ({
  orderItemId,
  orderId,
  offerId: 'offer-1',
  sourceSkuId,
  quantity,
  paidUnitMinor,
});

function preview(units: Record<string, number>, quantities: Record<string, number>): PurchasePreview {
  const lines = Object.entries(units).map(([sku, unit]) => ({ offerId: 'offer-1', sourceSkuId: sku, quantity: quantities[sku]!, unitPriceMinor: unit, amountMinor: unit * quantities[sku]! }));
  const goodsMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
  return { goodsMinor, freightMinor: 800, totalMinor: goodsMinor + 800, lines };
}

describe('checkPreviewPrices', () => {
  it('finds no rise when the upstream asks what was paid or less', () => {
    const lines = [paid(1, 10, 'a', 2, 1000), paid(2, 11, 'b', 1, 500)];
    const check = checkPreviewPrices(lines, preview({ a: 1000, b: 450 }, { a: 2, b: 1 }));
    expect(check).toMatchObject({ paidGoodsMinor: 2500, risen: [], unpriced: [], isRise: false });
  });

  it('names each risen line with its new unit price, across orders sharing a SKU', () => {
    const lines = [paid(1, 10, 'a', 2, 1000), paid(2, 11, 'a', 1, 1000), paid(3, 11, 'b', 1, 500)];
    const check = checkPreviewPrices(lines, preview({ a: 1150, b: 500 }, { a: 3, b: 1 }));
    expect(check.isRise).toBe(true);
    expect(check.risen.map((l) => [l.orderItemId, l.upstreamUnitMinor])).toEqual([
      [1, 1150],
      [2, 1150],
    ]);
  });

  it('absorbs a rise on one line that a drop on another more than pays for', () => {
    const lines = [paid(1, 10, 'a', 1, 1000), paid(2, 10, 'b', 1, 1000)];
    const check = checkPreviewPrices(lines, preview({ a: 1050, b: 900 }, { a: 1, b: 1 }));
    expect(check.risen).toHaveLength(1);
    expect(check.isRise).toBe(false);
  });

  it('reports lines the preview did not price', () => {
    const check = checkPreviewPrices([paid(1, 10, 'a', 1, 1000), paid(2, 10, 'gone', 1, 100)], preview({ a: 1000 }, { a: 1 }));
    expect(check.unpriced.map((l) => l.orderItemId)).toEqual([2]);
  });
});

describe('differenceRequests', () => {
  it('makes one request per Ferry order with that order lines only', () => {
    const requests = differenceRequests([
      { ...paid(1, 10, 'a', 2, 1000), upstreamUnitMinor: 1150 },
      { ...paid(2, 11, 'a', 1, 1000), upstreamUnitMinor: 1150 },
      { ...paid(3, 10, 'b', 3, 500), upstreamUnitMinor: 501 },
    ]);
    expect(requests).toEqual([
      {
        orderId: 10,
        amountCnyMinor: 2 * 150 + 3 * 1,
        lines: [
          { orderItemId: 1, quantity: 2, paidUnitMinor: 1000, upstreamUnitMinor: 1150 },
          { orderItemId: 3, quantity: 3, paidUnitMinor: 500, upstreamUnitMinor: 501 },
        ],
      },
      { orderId: 11, amountCnyMinor: 150, lines: [{ orderItemId: 2, quantity: 1, paidUnitMinor: 1000, upstreamUnitMinor: 1150 }] },
    ]);
  });
});

describe('money at the pinned rate', () => {
  it('converts a request once, half-even, in the order currency exponent', () => {
    // 3.03 CNY × 0.125 = 0.37875 EUR → 38 cents; 2.00 CNY × 0.125 = 0.25 EUR exactly.
    expect(atOrderRate(303, { chargeCurrency: 'EUR', chargeRate: '0.125' })).toBe(38);
    // A tie: 0.20 CNY × 0.125 = 2.5 cents → 2 (half-even), not 3.
    expect(atOrderRate(20, { chargeCurrency: 'EUR', chargeRate: '0.125' })).toBe(2);
    // Yen have no minor unit: 1.50 CNY × 21.3 = 31.95 JPY → ¥32.
    expect(atOrderRate(150, { chargeCurrency: 'JPY', chargeRate: '21.3' })).toBe(32);
    // Rounding the total once differs from adding rounded lines: 3 × 0.20 CNY at 0.125 is 7.5 → 8, not 2+2+2.
    expect(atOrderRate(60, { chargeCurrency: 'EUR', chargeRate: '0.125' })).toBe(8);
  });

  it('refunds declined lines at the pinned rate, and the last line takes whatever of the charge is left', () => {
    const order = { chargeCurrency: 'EUR', chargeRate: '0.125', chargeMinor: 2000 };
    expect(linesTotalCny([{ quantity: 2, unitPriceCnyMinor: 1000 }, { quantity: 1, unitPriceCnyMinor: 303 }])).toBe(2303);
    expect(declineRefundMinor(order, 2303, 0, false)).toBe(288); // 287.875 → 288
    // Service fee and shipping come back with the last line: the refunds add up to the charge.
    expect(declineRefundMinor(order, 8000, 288, true)).toBe(2000 - 288);
    // Never more than what is left, whatever the lines say.
    expect(declineRefundMinor(order, 100_000, 1900, false)).toBe(100);
    expect(declineRefundMinor(order, 100, 2500, true)).toBe(0);
  });
});
