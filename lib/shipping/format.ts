/** Display helpers for weights and destinations (pure, safe in client components). Latin digits everywhere, like prices. */

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, { ...options, numberingSystem: 'latn' });
  } catch {
    return new Intl.NumberFormat('en', { ...options, numberingSystem: 'latn' });
  }
}

/** 1500 → "1.5 kg" (en), "1,5 kg" (de); under a kilo in grams: 350 → "350 g". */
export function formatWeight(grams: number, locale: string): string {
  if (grams < 1000) return numberFormat(locale, { style: 'unit', unit: 'gram', maximumFractionDigits: 0 }).format(grams);
  return numberFormat(locale, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 3 }).format(grams / 1000);
}

/** 120 → "120 cm". */
export function formatCentimetres(cm: number, locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: 'centimeter', maximumFractionDigits: 1 }).format(cm);
}

/** DE → "Deutschland" in German, "Germany" in English; the code where the runtime has no name. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Words joined as the language lists them: "batteries and liquids", "電池、液体". */
export function listOf(words: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}
