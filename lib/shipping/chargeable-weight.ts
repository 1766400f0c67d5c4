import type { ParcelDims, ShippingLineRule } from './types';

/**
 * The weight a line charges for. Volumetric weight is L×W×H / divisor in kg, so in grams
 * L×W×H×1000 / divisor, rounded up to a whole gram (integers all the way: 300³ × 1000 is far below
 * 2^53). Chargeable weight is the larger of actual and volumetric, rounded up to the line's first
 * weight and then to whole continued units: 1,200 g on 500 g + 500 g units is 1,500 g.
 */
export function volumetricGrams(dims: ParcelDims, divisor: number): number {
  return Math.ceil((dims.lengthCm * dims.widthCm * dims.heightCm * 1000) / divisor);
}

export type ChargeableWeight = {
  volumetricGrams: number | null;
  /** max(actual, volumetric) before rounding to the line's units. */
  billableGrams: number;
  chargeableGrams: number;
  /** Continued units past the first weight. */
  continuedUnits: number;
};

export function chargeableWeight(
  line: Pick<ShippingLineRule, 'volumetricDivisor' | 'firstWeightGrams' | 'continuedUnitGrams'>,
  grams: number,
  dims: ParcelDims | null | undefined,
): ChargeableWeight {
  const volumetric = line.volumetricDivisor && dims ? volumetricGrams(dims, line.volumetricDivisor) : null;
  const billable = Math.max(grams, volumetric ?? 0);
  const continuedUnits = billable <= line.firstWeightGrams ? 0 : Math.ceil((billable - line.firstWeightGrams) / line.continuedUnitGrams);
  return {
    volumetricGrams: volumetric,
    billableGrams: billable,
    chargeableGrams: line.firstWeightGrams + continuedUnits * line.continuedUnitGrams,
    continuedUnits,
  };
}

/**
 * A box's length and girth the way carriers measure it: the longest side is the length, the girth is
 * twice the sum of the other two (2 × (width + height) when length is the longest side).
 */
export function boxMeasures(dims: ParcelDims): { longestSideCm: number; lengthGirthCm: number } {
  const [length = 0, width = 0, height = 0] = [dims.lengthCm, dims.widthCm, dims.heightCm].sort((a, b) => b - a);
  return { longestSideCm: length, lengthGirthCm: length + 2 * (width + height) };
}
