/**
 * Text direction for short runs placed inside a page of either direction. In Arabic a run like
 * "10.00 CN¥" left to the page's direction reorders around its neutral characters ("¥CN 10.00"),
 * and "Item No." loses its full stop to the wrong end (".Item No"): such runs are isolated, in
 * markup by <bdi dir> (components/bidi) and inside translated sentences by Unicode isolates.
 */

// Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms: strong right-to-left letters.
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * 'rtl' for a run written with right-to-left letters ("10.00 د.إ."), else 'ltr' ("10.00 CN¥",
 * "FR261121-7K3Q9X"). Marks such as U+200F that Intl adds around an amount do not count.
 */
export function runDirection(text: string): 'ltr' | 'rtl' {
  return RTL_LETTER.test(text) ? 'rtl' : 'ltr';
}

const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

/** The run wrapped in a left-to-right or right-to-left isolate, for values interpolated into messages. */
export function isolate(text: string): string {
  if (text === '') return text;
  return `${runDirection(text) === 'rtl' ? RLI : LRI}${text}${PDI}`;
}

/** Non-empty parts joined by a separator: no dangling " · " where a part is missing. */
export function joinParts(parts: readonly (string | null | undefined | false)[], separator: string): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(separator);
}
