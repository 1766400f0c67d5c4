import { describe, expect, it } from 'vitest';
import { decideSettlement } from './settlement';

const base = { estimateChargeableGrams: 2000, estimateShippingCny: 10_000, unitGrams: 500, thresholdUnits: 1 };

describe('decideSettlement', () => {
  it('asks a top-up of the difference when the real parcel costs more', () => {
    expect(decideSettlement({ ...base, packedChargeableGrams: 2500, packedShippingCny: 11_500 })).toEqual({ action: 'topup', amountCny: 1500 });
  });

  it('refunds the difference when lighter by more than one unit', () => {
    expect(decideSettlement({ ...base, packedChargeableGrams: 1000, packedShippingCny: 7000 })).toEqual({ action: 'refund', amountCny: 3000 });
  });

  it('settles nothing within one unit lighter, or at the same weight', () => {
    expect(decideSettlement({ ...base, packedChargeableGrams: 1500, packedShippingCny: 8500 })).toEqual({ action: 'none', amountCny: 0 });
    expect(decideSettlement({ ...base, packedChargeableGrams: 2000, packedShippingCny: 10_000 })).toEqual({ action: 'none', amountCny: 0 });
  });

  it('follows the threshold setting', () => {
    expect(decideSettlement({ ...base, thresholdUnits: 0, packedChargeableGrams: 1500, packedShippingCny: 8500 })).toEqual({ action: 'refund', amountCny: 1500 });
    expect(decideSettlement({ ...base, thresholdUnits: 2, packedChargeableGrams: 1000, packedShippingCny: 7000 }).action).toBe('none');
  });
});
