import { describe, expect, it } from 'vitest';
import { demoCategoryTree, demoLeafCategories, demoLocales, findDemoCategory } from './categories';

const all = demoCategoryTree.flatMap((top) => [top, ...top.children]);
/** The script each locale's labels must be written in: catches a label pasted into the wrong locale. */
const scripts: Partial<Record<(typeof demoLocales)[number], RegExp>> = {
  'zh-CN': /\p{Script=Han}/u,
  ja: /[\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Han}]/u,
  ko: /\p{Script=Hangul}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe('demo category tree', () => {
  it('has at least 12 top-level categories, each with 2–5 children', () => {
    expect(demoCategoryTree.length).toBeGreaterThanOrEqual(12);
    for (const top of demoCategoryTree) {
      expect(top.children.length, top.slug).toBeGreaterThanOrEqual(2);
      expect(top.children.length, top.slug).toBeLessThanOrEqual(5);
    }
  });

  it('names every category in all 10 UI locales, in the right script', () => {
    expect(demoLocales).toHaveLength(10);
    for (const c of all) {
      for (const locale of demoLocales) {
        expect(c.names[locale]?.trim(), `${c.slug} ${locale}`).toBeTruthy();
        const script = scripts[locale];
        if (script) expect(c.names[locale], `${c.slug} ${locale}`).toMatch(script);
      }
      expect(c.nameZh).toBe(c.names['zh-CN']);
      expect(c.nameEn).toBe(c.names.en);
    }
  });

  it('uses unique kebab-case slugs and unique numeric category ids', () => {
    const slugs = all.map((c) => c.slug);
    const ids = all.map((c) => c.categoryId);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of all) {
      expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.categoryId).toMatch(/^[1-9]\d{1,6}$/);
    }
  });

  it('flattens leaves with their parent and finds categories by slug', () => {
    expect(demoLeafCategories).toHaveLength(demoCategoryTree.reduce((n, t) => n + t.children.length, 0));
    const dresses = demoLeafCategories.find((l) => l.slug === 'womens-dresses');
    expect(dresses?.parent.slug).toBe('womens-clothing');
    expect(findDemoCategory('pet-supplies')?.nameZh).toBe('宠物用品');
    expect(findDemoCategory('nope')).toBeUndefined();
  });
});
