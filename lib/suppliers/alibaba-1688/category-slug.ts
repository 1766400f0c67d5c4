import { demoCategoryTree, demoLeafCategories } from '@/lib/catalog/demo';

/**
 * Ferry's catalog category for a 1688 category id. Ferry's tree carries 1688-style ids on its
 * leaves (and top levels); a leaf id maps to itself, a top-level id to its first leaf.
 */
const byLeafId = new Map(demoLeafCategories.map((leaf) => [leaf.categoryId, leaf.slug]));
const byTopId = new Map(demoCategoryTree.map((top) => [top.categoryId, top.children[0]?.slug]));

/**
 * An id Ferry does not know (a real 1688 category outside the demo tree) still has to land
 * somewhere for the import to succeed: the general-merchandise leaf "storage" (收纳整理), which
 * staff re-file from the admin. Mapping real 1688 ids belongs in a category table, not here.
 */
export const FALLBACK_CATEGORY_SLUG = 'storage';

export function categorySlugFor(categoryId: string): { slug: string; isKnown: boolean } {
  const slug = byLeafId.get(categoryId) ?? byTopId.get(categoryId);
  return slug ? { slug, isKnown: true } : { slug: FALLBACK_CATEGORY_SLUG, isKnown: false };
}
