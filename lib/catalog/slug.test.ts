import { describe, expect, it } from 'vitest';
import { parseProductSlug, productSlug, slugify } from './slug';

describe('slugify', () => {
  it('makes lower-case hyphenated ASCII words', () => {
    expect(slugify('2025 Summer New Korean-Style Loose Pure Cotton T-Shirt')).toBe('2025-summer-new-korean-style-loose-pure-cotton-t-shirt');
  });

  it('drops apostrophes instead of splitting on them', () => {
    expect(slugify("Women's Shoulder Bag")).toBe('womens-shoulder-bag');
  });

  it('transliterates accents and letters NFKD leaves alone', () => {
    expect(slugify('Crème Brûlée Café')).toBe('creme-brulee-cafe');
    expect(slugify('Straße Øre Łódź')).toBe('strasse-ore-lodz');
    expect(slugify('Ｔ恤 ＸＬ')).toBe('t-xl');
  });

  it('collapses punctuation and repeated separators and trims the ends', () => {
    expect(slugify('  --Hello,,,  World!!  ')).toBe('hello-world');
    expect(slugify('Salt & Pepper')).toBe('salt-and-pepper');
  });

  it('returns empty for text without Latin letters or digits', () => {
    expect(slugify('连衣裙女夏')).toBe('');
    expect(slugify('Платье')).toBe('');
    expect(slugify('!!!')).toBe('');
  });

  it('cuts at a word boundary within maxLength', () => {
    const slug = slugify('Factory Direct Stainless Steel Insulated Cup Large Capacity Portable Water Cup', 39);
    expect(slug.length).toBeLessThanOrEqual(39);
    expect(slug).toBe('factory-direct-stainless-steel');
    expect(slugify('Factory Direct Stainless Steel Insulated Cup', 40)).toBe('factory-direct-stainless-steel-insulated');
    expect(slugify('abc def', 7)).toBe('abc-def');
    expect(slugify('abc def', 6)).toBe('abc');
  });

  it('hard-cuts a single word longer than maxLength', () => {
    expect(slugify('a'.repeat(100), 10)).toBe('a'.repeat(10));
  });
});

describe('productSlug', () => {
  it('puts readable words before the id', () => {
    expect(productSlug("Women's Summer Cotton Dress", 123)).toBe('womens-summer-cotton-dress-123');
  });

  it('falls back to item-<id> when the title yields no words', () => {
    expect(productSlug('', 7)).toBe('item-7');
    expect(productSlug('连衣裙', 7)).toBe('item-7');
  });

  it('keeps slugs within the column and round-trips through parseProductSlug', () => {
    const slug = productSlug('word '.repeat(100), Number.MAX_SAFE_INTEGER);
    expect(slug.length).toBeLessThanOrEqual(160);
    expect(parseProductSlug(slug)).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseProductSlug(productSlug('2025 Summer Dress', 42))).toBe(42);
  });

  it('rejects ids that are not positive safe integers', () => {
    expect(() => productSlug('x', 0)).toThrow(RangeError);
    expect(() => productSlug('x', 1.5)).toThrow(RangeError);
    expect(() => productSlug('x', Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe('parseProductSlug', () => {
  it('reads the id from the last segment', () => {
    expect(parseProductSlug('women-summer-cotton-dress-123')).toBe(123);
    expect(parseProductSlug('item-9')).toBe(9);
    expect(parseProductSlug('2025-summer-dress-77')).toBe(77);
    expect(parseProductSlug('88')).toBe(88);
  });

  it('accepts another wording of the same id (the page redirects to the canonical slug)', () => {
    expect(parseProductSlug('Old-Title-123')).toBe(123);
  });

  it.each(['abc', '', '-0', '0', 'dress-0', 'dress-007', '1e5', 'dress-1e5', '-5', 'dress-', 'dress--5', 'dress-12.5', 'dress-+5', 'dress-5 ', 'платье-5', 'dress_5', 'a/b-5'])(
    'rejects malformed %j',
    (slug) => {
      expect(parseProductSlug(slug)).toBeNull();
    },
  );

  it('rejects overly long slugs and ids beyond the safe integer range', () => {
    expect(parseProductSlug(`${'a'.repeat(200)}-5`)).toBeNull();
    expect(parseProductSlug('dress-9007199254740993')).toBeNull();
    expect(parseProductSlug('dress-12345678901234567')).toBeNull();
  });
});
