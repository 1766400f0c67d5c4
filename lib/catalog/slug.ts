/**
 * Product URLs read `/p/women-summer-cotton-dress-123`: words for people and search engines, the id
 * for the lookup. Only the id is trusted; the page redirects any other wording to the canonical slug.
 */

/** Letters NFKD does not decompose into ASCII. */
const TRANSLITERATE: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n',
};

/** Longest slug accepted by parseProductSlug (products.slug is varchar(160)). */
const MAX_SLUG_LENGTH = 160;

/**
 * ASCII, lower-case, hyphen-separated words, at most `maxLength` characters, cut at a word boundary.
 * Text with no Latin letters or digits (a Chinese title) gives '' so the caller can fall back.
 */
export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıħŧŋ]/g, (ch) => TRANSLITERATE[ch] ?? '')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '') // "women's" → womens, not women-s
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}

/** `women-summer-cotton-dress-123`, or `item-123` when the title has no Latin words yet. */
export function productSlug(titleEn: string, id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`product id must be a positive integer, got ${id}`);
  const words = slugify(titleEn, 80);
  return `${words || 'item'}-${id}`;
}

const SLUG = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-)?([1-9][0-9]{0,15})$/i;

/**
 * The product id from a slug's last segment, or null for anything malformed: no id, a zero or
 * zero-padded id, exponent or sign notation (`1e5`, `-0`), characters outside [a-z0-9-], an id
 * beyond Number.MAX_SAFE_INTEGER, or a slug longer than any we generate.
 */
export function parseProductSlug(slug: string): number | null {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return null;
  const match = SLUG.exec(slug);
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : null;
}
