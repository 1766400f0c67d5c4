import { describe, expect, it } from 'vitest';
import { chargeableWeight } from './chargeable-weight';
import { estimatedParcel, nominalBox, withPackaging } from './nominal-box';

describe('estimatedParcel', () => {
  it('adds packing (10 %, at least 100 g) and picks the carton for that weight', () => {
    expect(withPackaging(300)).toBe(400);
    expect(withPackaging(1_200)).toBe(1_320);
    expect(withPackaging(1_201)).toBe(1_322);
    expect(estimatedParcel(300)).toEqual({ grams: 400, dims: { lengthCm: 20, widthCm: 15, heightCm: 8 } });
    expect(estimatedParcel(1_200)).toEqual({ grams: 1_320, dims: { lengthCm: 30, widthCm: 25, heightCm: 12 } });
    expect(nominalBox(500)).toEqual({ lengthCm: 20, widthCm: 15, heightCm: 8 });
    expect(nominalBox(501)).toEqual({ lengthCm: 25, widthCm: 20, heightCm: 10 });
    expect(nominalBox(60_000)).toEqual({ lengthCm: 80, widthCm: 60, heightCm: 50 });
  });

  it('quotes nothing for no weight, a broken one, or more than a quote takes', () => {
    expect(estimatedParcel(0)).toBeNull();
    expect(estimatedParcel(-5)).toBeNull();
    expect(estimatedParcel(1.5)).toBeNull();
    expect(estimatedParcel(90_910)).toBeNull(); // 100,001 g with packing
    expect(estimatedParcel(90_909)).toEqual({ grams: 100_000, dims: { lengthCm: 80, widthCm: 60, heightCm: 50 } });
  });

  it('each carton is dense enough that its own weight is not charged more by volume on a 6000 divisor', () => {
    for (const grams of [500, 1_000, 2_000, 5_000, 10_000, 20_000]) {
      const weight = chargeableWeight({ volumetricDivisor: 6000, firstWeightGrams: 500, continuedUnitGrams: 500 }, grams, nominalBox(grams));
      expect(weight.volumetricGrams!, `${grams} g`).toBeLessThanOrEqual(grams);
    }
  });
});
