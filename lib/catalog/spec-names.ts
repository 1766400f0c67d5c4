import type { SpecAttribute } from './types';

/** zh → shopper-language map of spec names and values (product_translations.attributes). */
export type SpecNames = Record<string, string>;

/**
 * Spec pairs stored in Chinese ("颜色: 墨绿色") in the shopper's language where the catalog has a
 * translation ("Colour: Dark green"), else as stored: the product page, cart and order lines all
 * read a SKU's options this way. Order lines keep their Chinese snapshot, so an order placed before
 * a better translation arrived shows the better one.
 */
export function translateSpecs(attributes: readonly SpecAttribute[], names: SpecNames | null | undefined): SpecAttribute[] {
  return attributes.map((a) => ({ name: names?.[a.name] ?? a.name, value: names?.[a.value] ?? a.value }));
}

/** The locale's names over English ones: a locale without its own translation of a term shows English. */
export function mergeSpecNames(english: SpecNames | null | undefined, local: SpecNames | null | undefined): SpecNames {
  return { ...(english ?? {}), ...(local ?? {}) };
}

/** "Khaki / M": option values only, empty ones left out so no separator dangles. */
export function specValues(attributes: readonly SpecAttribute[], separator = ' / '): string {
  return attributes
    .map((a) => a.value.trim())
    .filter(Boolean)
    .join(separator);
}
