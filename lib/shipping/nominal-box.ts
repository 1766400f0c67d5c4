import { QUOTE_LIMITS } from './goods';
import type { ParcelDims } from './types';

/**
 * The carton the warehouse would most likely pack one item of this weight in, for estimates made
 * before anything is measured (the product page, the cart). Forwarders' common sizes; each is
 * dense enough that a typical item of that weight is not charged far above its weight by volume.
 */
const cartons: { upToGrams: number; dims: ParcelDims }[] = [
  { upToGrams: 500, dims: { lengthCm: 20, widthCm: 15, heightCm: 8 } },
  { upToGrams: 1_000, dims: { lengthCm: 25, widthCm: 20, heightCm: 10 } },
  { upToGrams: 2_000, dims: { lengthCm: 30, widthCm: 25, heightCm: 12 } },
  { upToGrams: 5_000, dims: { lengthCm: 40, widthCm: 30, heightCm: 20 } },
  { upToGrams: 10_000, dims: { lengthCm: 50, widthCm: 40, heightCm: 25 } },
  { upToGrams: 20_000, dims: { lengthCm: 60, widthCm: 40, heightCm: 40 } },
];
const largest: ParcelDims = { lengthCm: 80, widthCm: 60, heightCm: 50 };

export function nominalBox(grams: number): ParcelDims {
  return cartons.find((carton) => grams <= carton.upToGrams)?.dims ?? largest;
}

/** Packing material the warehouse adds to items' weight: 10 %, at least 100 g. */
export function withPackaging(itemGrams: number): number {
  return itemGrams + Math.max(100, Math.ceil(itemGrams / 10));
}

/**
 * The parcel an estimate quotes for items weighing `itemGrams` in all (catalog estimates): their
 * weight plus packing, in the carton that weight usually goes in. Null when there is nothing to
 * weigh or it is past what any quote takes (100 kg).
 */
export function estimatedParcel(itemGrams: number, maxGrams: number = QUOTE_LIMITS.maxGrams): { grams: number; dims: ParcelDims } | null {
  if (!Number.isSafeInteger(itemGrams) || itemGrams <= 0) return null;
  const grams = withPackaging(itemGrams);
  return grams > maxGrams ? null : { grams, dims: nominalBox(grams) };
}
