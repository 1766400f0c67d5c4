import type { SettlementAction } from '@/db/schema/parcels';

export type SettlementInput = {
  estimateChargeableGrams: number;
  estimateShippingCny: number;
  packedChargeableGrams: number;
  packedShippingCny: number;
  /** The line's continued-weight unit in grams. */
  unitGrams: number;
  /** How many units lighter a parcel must be before the difference is refunded (setting, usually 1). */
  thresholdUnits: number;
};

/**
 * What packing settles, in CNY minor units (converted at the parcel's pinned rate by the caller):
 * a parcel that costs more at its real weight and box asks the shopper for the difference (`topup`);
 * one lighter by more than `thresholdUnits` continued-weight units gets the difference back
 * (`refund`); anything in between is `none` (scales and boxes vary by a unit).
 */
export function decideSettlement(input: SettlementInput): { action: SettlementAction; amountCny: number } {
  const difference = input.packedShippingCny - input.estimateShippingCny;
  if (difference > 0) return { action: 'topup', amountCny: difference };
  const lighterBy = input.estimateChargeableGrams - input.packedChargeableGrams;
  if (difference < 0 && lighterBy > input.thresholdUnits * input.unitGrams) return { action: 'refund', amountCny: -difference };
  return { action: 'none', amountCny: 0 };
}
