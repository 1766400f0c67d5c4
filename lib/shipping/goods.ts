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

/** Goods in `shippingGoods` order, each once; anything that is not a good (an old or mistyped value) is dropped. */
export function normalizeGoods(values: Iterable<unknown>): ShippingGood[] {
  const seen = new Set<unknown>(values);
  return shippingGoods.filter((good) => seen.has(good));
}

/** A stored goods column (JSON: parsed by MySQL 8, text from MariaDB; null when never set) as goods, or null. */
export function readGoods(value: unknown): ShippingGood[] | null {
  if (value === null || value === undefined) return null;
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? normalizeGoods(parsed) : null;
}

/** What a parcel holds: every good any of its items holds. */
export function unionGoods(lists: Iterable<readonly ShippingGood[]>): ShippingGood[] {
  return normalizeGoods([...lists].flat());
}
