import { describe, expect, it } from 'vitest';
import { allocateItemsRefund, cnyEquivalent, refundableMinor, share } from './refund-amounts';

const usd = { chargeCurrency: 'USD', chargeRate: '0.140000000000' };

describe('allocateItemsRefund', () => {
  it('rounds once on the lines’ sum at the pinned rate, not per line', () => {
    // Three 0.05 CNY lines: 0.7 US cents each, 2.1 together → 2 cents (per line it would be 3 × 1).
    const lines = [1, 2, 3].map((orderItemId) => ({ orderItemId, quantity: 1, unitPriceCnyMinor: 5 }));
    const refund = allocateItemsRefund(lines, usd, 10_000);
    expect(refund.amountMinor).toBe(2);
    expect(refund.amountCnyMinor).toBe(15);
    expect(refund.lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(2);
  });

  it('shares the refund across lines by their CNY weight and adds up exactly', () => {
    const lines = [
      { orderItemId: 10, quantity: 2, unitPriceCnyMinor: 3_333 },
      { orderItemId: 11, quantity: 1, unitPriceCnyMinor: 10_001 },
    ];
    const refund = allocateItemsRefund(lines, usd, 10_000);
    expect(refund.amountMinor).toBe(2_333); // 16_667 fen × 0.14 = 2_333.38 → 2_333
    expect(refund.lines.map((line) => line.amountMinor).reduce((a, b) => a + b, 0)).toBe(refund.amountMinor);
  });

  it('never refunds more than is still refundable', () => {
    const refund = allocateItemsRefund([{ orderItemId: 1, quantity: 1, unitPriceCnyMinor: 100_000 }], usd, 500);
    expect(refund.amountMinor).toBe(500);
    expect(refund.amountCnyMinor).toBe(cnyEquivalent(500, usd));
  });
});

describe('share', () => {
  it('hands the remainder to the largest fractions', () => {
    expect(share([{ orderItemId: 1, weight: 1 }, { orderItemId: 2, weight: 1 }, { orderItemId: 3, weight: 1 }], 100)).toEqual([
      { orderItemId: 1, amountMinor: 34 },
      { orderItemId: 2, amountMinor: 33 },
      { orderItemId: 3, amountMinor: 33 },
    ]);
  });
});

describe('refundableMinor', () => {
  it('counts card refunds once (ledger or requested, whichever is larger) and wallet refunds on top', () => {
    expect(refundableMinor({ chargeMinor: 1_000, ledgerRefundedMinor: 300, cardRequestedMinor: 300, walletRefundedMinor: 200 })).toBe(500);
    expect(refundableMinor({ chargeMinor: 1_000, ledgerRefundedMinor: 0, cardRequestedMinor: 300, walletRefundedMinor: 800 })).toBe(0);
  });
});
