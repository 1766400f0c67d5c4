/**
 * Goods a shipping line may refuse. The shopper ticks them in the estimator (and the parcel module
 * derives them from the items); a line listing one of them in `refusedGoods` cannot take the parcel.
 * Pure: shared by the API, the pages and the admin form.
 */
export const shippingGoods = ['battery', 'liquid', 'powder', 'magnet', 'brand'] as const;
export type ShippingGood = (typeof shippingGoods)[number];

export function isShippingGood(value: unknown): value is ShippingGood {
  return typeof value === 'string' && (shippingGoods as readonly string[]).includes(value);
}

/** Volumetric divisors (cm³ per kg) a line may use; none means actual weight only. */
export const volumetricDivisors = [5000, 6000, 8000] as const;
export type VolumetricDivisor = (typeof volumetricDivisors)[number];

/** Bounds of a parcel any quote accepts: 1 g to 100 kg, each side 1 to 300 cm. */
export const QUOTE_LIMITS = { maxGrams: 100_000, maxSideCm: 300 } as const;
