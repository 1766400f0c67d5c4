import { describe, expect, it } from 'vitest';
// The one place the connector meets the demo catalog: the sandbox serves the demo's categories, so
// the connector's own table must file each of them where the demo (and the seeded tree) expects.
import { demoCategoryTree, demoLeafCategories } from '@/lib/catalog/demo';
import { categorySlugFor, FALLBACK_CATEGORY_SLUG } from './category-slug';

describe('categorySlugFor', () => {
  it('files every leaf category the 1688 sandbox serves under its own slug', () => {
    for (const leaf of demoLeafCategories) expect(categorySlugFor(leaf.categoryId)).toEqual({ slug: leaf.slug, isKnown: true });
  });

  it('files a top-level category under its first leaf', () => {
    for (const top of demoCategoryTree) {
      expect(categorySlugFor(top.categoryId)).toEqual({ slug: top.children[0]!.slug, isKnown: true });
    }
  });

  it('files an id it does not know under the fallback leaf, which exists in the tree', () => {
    expect(categorySlugFor('999999999')).toEqual({ slug: FALLBACK_CATEGORY_SLUG, isKnown: false });
    expect(categorySlugFor('toString')).toEqual({ slug: FALLBACK_CATEGORY_SLUG, isKnown: false });
    expect(demoLeafCategories.some((leaf) => leaf.slug === FALLBACK_CATEGORY_SLUG)).toBe(true);
  });
});
