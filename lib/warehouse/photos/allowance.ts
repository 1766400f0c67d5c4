/**
 * How many QC photos one item gets: the agent's free photos per item, plus the photos an "extra QC
 * photos" service bought at checkout adds to each of the order's items, plus every "more photos"
 * request the shopper has paid for since. Staff may upload more than this (a photo that shows a
 * defect better); the allowance is what the shopper is owed, and the decision window starts once
 * the item has at least that many photos.
 */
export function photoAllowance(input: {
  freePerItem: number;
  perExtraService: number;
  /** The order bought the `extra_qc_photos` service at checkout. */
  extraServiceBought: boolean;
  /** Photos of this item's paid "more photos" requests, summed. */
  paidExtraPhotos: number;
}): number {
  return input.freePerItem + (input.extraServiceBought ? input.perExtraService : 0) + input.paidExtraPhotos;
}
