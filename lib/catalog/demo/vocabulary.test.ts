import { describe, expect, it } from 'vitest';
import { demoLeafCategories } from './categories';
import { colourIndex } from './colours';
import { demoVocabulary, vocabularyFor } from './vocabulary';

const han = /\p{Script=Han}/u;

describe('demo vocabulary', () => {
  it('covers exactly the leaf categories', () => {
    expect(demoVocabulary.map((v) => v.slug).sort()).toEqual(demoLeafCategories.map((l) => l.slug).sort());
    expect(() => vocabularyFor('no-such-leaf')).toThrow();
  });

  for (const v of demoVocabulary) {
    it(`${v.slug}: words, colours, specs and ranges are usable`, () => {
      expect(v.nouns.length).toBeGreaterThan(0);
      for (const noun of v.nouns) expect(noun).toMatch(han);
      // 4–8 colours: at least 4 so an offer can show 3+ distinct images, at most 8 so every
      // SKU colour fits in the 8 images of an offer.
      expect(v.colours.length).toBeGreaterThanOrEqual(4);
      expect(v.colours.length).toBeLessThanOrEqual(8);
      expect(new Set(v.colours).size).toBe(v.colours.length);
      for (const c of v.colours) expect(colourIndex(c), c).toBeGreaterThanOrEqual(0);
      if (v.colourSpec === null) expect(v.specs.length).toBeGreaterThan(0);
      for (const spec of v.specs) {
        const [min, max] = spec.take;
        expect(min).toBeGreaterThanOrEqual(1);
        expect(max).toBeGreaterThanOrEqual(min);
        expect(min).toBeLessThanOrEqual(spec.values.length);
        if (spec.factors) expect(spec.factors).toHaveLength(spec.values.length);
      }
      const [lo, hi] = v.priceYuan;
      expect(lo).toBeGreaterThan(0);
      expect(hi).toBeLessThanOrEqual(300);
      expect(hi).toBeGreaterThan(lo);
      expect(v.weightGrams[0]).toBeGreaterThan(0);
      expect(v.freightYuan[0]).toBeGreaterThanOrEqual(0);
      expect(v.freightYuan[1]).toBeLessThanOrEqual(12);
    });
  }
});
