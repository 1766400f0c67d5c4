import { describe, expect, it } from 'vitest';
import { photoAllowance } from './allowance';

describe('photo allowance', () => {
  it('is the free photos, plus the checkout service, plus paid requests', () => {
    const base = { freePerItem: 3, perExtraService: 3, extraServiceBought: false, paidExtraPhotos: 0 };
    expect(photoAllowance(base)).toBe(3);
    expect(photoAllowance({ ...base, extraServiceBought: true })).toBe(6);
    expect(photoAllowance({ ...base, extraServiceBought: true, paidExtraPhotos: 6 })).toBe(12);
    expect(photoAllowance({ ...base, freePerItem: 0 })).toBe(0);
  });
});
