import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import { categories, categoryTranslations } from '@/db/schema/catalog';
import type { Database } from '@/lib/db';
import type { CategoryNode, CategoryTree } from '../types';

const local = alias(categoryTranslations, 'ct_local');
const english = alias(categoryTranslations, 'ct_en');

/** The whole category tree with names in `locale` (English, then Chinese, where missing): one query. */
export async function getCategoryTree(db: Database, locale: string): Promise<CategoryTree> {
  const rows = await db
    .select({
      id: categories.id,
      parentId: categories.parentId,
      slug: categories.slug,
      nameZh: categories.nameZh,
      path: categories.path,
      depth: categories.depth,
      name: sql<string>`coalesce(${local.name}, ${english.name}, ${categories.nameZh})`,
    })
    .from(categories)
    .leftJoin(local, and(eq(local.categoryId, categories.id), eq(local.locale, locale)))
    .leftJoin(english, and(eq(english.categoryId, categories.id), eq(english.locale, 'en')))
    .orderBy(asc(categories.depth), asc(categories.sortOrder), asc(categories.id));

  const byId: Record<number, CategoryNode> = {};
  const roots: number[] = [];
  for (const row of rows) {
    byId[row.id] = {
      id: row.id,
      parentId: row.parentId ?? null,
      slug: row.slug,
      name: row.name,
      nameZh: row.nameZh,
      depth: row.depth,
      pathIds: row.path.split('/').filter(Boolean).map(Number),
      childIds: [],
    };
  }
  for (const row of rows) {
    const parent = row.parentId ? byId[row.parentId] : undefined;
    if (parent) parent.childIds.push(row.id);
    else roots.push(row.id);
  }
  return { byId, roots };
}

/** The category and all its descendants (a listing of a parent shows its children's products). */
export function descendantIds(tree: CategoryTree, id: number): number[] {
  const out: number[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const node = tree.byId[current];
    if (!node) continue;
    out.push(current);
    stack.push(...node.childIds);
  }
  return out;
}

export function findCategoryBySlug(tree: CategoryTree, slug: string): CategoryNode | undefined {
  return Object.values(tree.byId).find((c) => c.slug === slug);
}
