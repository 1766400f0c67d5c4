import { describe, expect, it } from 'vitest';
import { boxMeasures, chargeableWeight, volumetricGrams } from './chargeable-weight';
import type { ShippingLineRule } from './types';

type Units = Pick<ShippingLineRule, 'volumetricDivisor' | 'firstWeightGrams' | 'continuedUnitGrams'>;

const express: Units = { volumetricDivisor: 5000, firstWeightGrams: 500, continuedUnitGrams: 500 };
const ems: Units = { volumetricDivisor: 6000, firstWeightGrams: 500, continuedUnitGrams: 500 };
const economy: Units = { volumetricDivisor: 8000, firstWeightGrams: 500, continuedUnitGrams: 500 };
const actualOnly: Units = { volumetricDivisor: null, firstWeightGrams: 500, continuedUnitGrams: 500 };
const sea: Units = { volumetricDivisor: null, firstWeightGrams: 10_000, continuedUnitGrams: 1_000 };
const perHundred: Units = { volumetricDivisor: 6000, firstWeightGrams: 100, continuedUnitGrams: 100 };

const box = (lengthCm: number, widthCm: number, heightCm: number) => ({ lengthCm, widthCm, heightCm });

describe('volumetricGrams', () => {
  it('is L×W×H / divisor in kg, as grams, rounded up to a whole gram', () => {
    expect(volumetricGrams(box(30, 20, 10), 5000)).toBe(1200);
    expect(volumetricGrams(box(30, 20, 10), 6000)).toBe(1000);
    expect(volumetricGrams(box(30, 20, 10), 8000)).toBe(750);
    // 7 × 7 × 7 = 343 cm³ → 68.6 g at 5000: a started gram counts.
    expect(volumetricGrams(box(7, 7, 7), 5000)).toBe(69);
    expect(volumetricGrams(box(300, 300, 300), 5000)).toBe(5_400_000);
  });
});

describe('chargeableWeight', () => {
  // [line, actual grams, box, volumetric, chargeable, continued units]
  const table: [string, Units, number, ReturnType<typeof box> | null, number | null, number, number][] = [
    ['1200 g in 30×20×10 at 5000: 1200 vs 1200 → 1500', express, 1200, box(30, 20, 10), 1200, 1500, 2],
    ['the same parcel at 6000 charges its actual weight', ems, 1200, box(30, 20, 10), 1000, 1500, 2],
    ['a bulky light parcel (300 g of pillows in 50×40×30) at 5000', express, 300, box(50, 40, 30), 12_000, 12_000, 23],
    ['the same bulky parcel at 8000', economy, 300, box(50, 40, 30), 7_500, 7_500, 14],
    ['the same bulky parcel on a line without a divisor pays its actual weight', actualOnly, 300, box(50, 40, 30), null, 500, 0],
    ['exactly the first weight', express, 500, box(10, 10, 10), 200, 500, 0],
    ['one gram over the first weight starts a unit', express, 501, box(10, 10, 10), 200, 1000, 1],
    ['exactly on a unit boundary', express, 1500, box(10, 10, 10), 200, 1500, 2],
    ['one gram past a unit boundary', express, 1501, box(10, 10, 10), 200, 2000, 3],
    ['volumetric exactly on a boundary (50×20×10 at 5000 = 2000 g)', express, 800, box(50, 20, 10), 2000, 2000, 3],
    ['a light parcel pays the first weight', express, 1, box(5, 5, 1), 5, 500, 0],
    ['without a box there is no volumetric weight', express, 1200, null, null, 1500, 2],
    ['sea freight: 10 kg first, then 1 kg units', sea, 12_345, box(60, 40, 40), null, 13_000, 3],
    ['100 g units', perHundred, 1234, box(20, 10, 10), 334, 1300, 12],
  ];
  it.each(table)('%s', (_, line, grams, dims, volumetric, chargeable, units) => {
    const weight = chargeableWeight(line, grams, dims);
    expect(weight.volumetricGrams).toBe(volumetric);
    expect(weight.chargeableGrams).toBe(chargeable);
    expect(weight.continuedUnits).toBe(units);
    expect(weight.billableGrams).toBe(Math.max(grams, volumetric ?? 0));
  });
});

describe('boxMeasures', () => {
  it('takes the longest side as length and twice the other two as girth, whatever order the sides come in', () => {
    expect(boxMeasures(box(30, 20, 10))).toEqual({ longestSideCm: 30, lengthGirthCm: 90 });
    expect(boxMeasures(box(10, 30, 20))).toEqual({ longestSideCm: 30, lengthGirthCm: 90 });
    // A long tube: 120 + 2 × (10 + 10) = 160.
    expect(boxMeasures(box(10, 120, 10))).toEqual({ longestSideCm: 120, lengthGirthCm: 160 });
  });
});
