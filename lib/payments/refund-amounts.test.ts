import { describe, expect, it } from 'vitest';
import { allocateItemsRefund, cnyEquivalent, refundableParts, share, splitOriginalRefund } from './refund-amounts';

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

describe('refundableParts', () => {
  it('counts card refunds once (ledger or requested, whichever is larger) and wallet refunds on top', () => {
    expect(refundableParts({ cardPaidMinor: 1_000, walletPaidMinor: 0, ledgerRefundedMinor: 300, cardRequestedMinor: 300, walletRefundedMinor: 200 })).toEqual({ refundable: 500, cardRefundable: 500 });
    expect(refundableParts({ cardPaidMinor: 1_000, walletPaidMinor: 0, ledgerRefundedMinor: 0, cardRequestedMinor: 300, walletRefundedMinor: 800 })).toEqual({ refundable: 0, cardRefundable: 0 });
  });
  it('never sends more back to the card than the card paid when the balance paid the rest', () => {
    // 600 by card, 400 from the balance: all 1,000 is refundable, at most 600 of it to the card.
    expect(refundableParts({ cardPaidMinor: 600, walletPaidMinor: 400, ledgerRefundedMinor: 0, cardRequestedMinor: 0, walletRefundedMinor: 0 })).toEqual({ refundable: 1_000, cardRefundable: 600 });
    // After 500 back to the card: 500 left, 100 of it to the card.
    expect(refundableParts({ cardPaidMinor: 600, walletPaidMinor: 400, ledgerRefundedMinor: 500, cardRequestedMinor: 500, walletRefundedMinor: 0 })).toEqual({ refundable: 500, cardRefundable: 100 });
    // Paid wholly from the balance: nothing goes to a card.
    expect(refundableParts({ cardPaidMinor: 0, walletPaidMinor: 1_000, ledgerRefundedMinor: 0, cardRequestedMinor: 0, walletRefundedMinor: 250 })).toEqual({ refundable: 750, cardRefundable: 0 });
  });
});

describe('splitOriginalRefund', () => {
  it('fills the card first and returns the rest to the balance', () => {
    expect(splitOriginalRefund(700, 600)).toEqual({ cardMinor: 600, walletMinor: 100 });
    expect(splitOriginalRefund(300, 600)).toEqual({ cardMinor: 300, walletMinor: 0 });
    expect(splitOriginalRefund(300, 0)).toEqual({ cardMinor: 0, walletMinor: 300 });
  });
});
