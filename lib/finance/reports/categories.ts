import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { categories, categoryTranslations } from '@/db/schema';

export type TopCategory = { id: number; name: string; nameZh: string };

/** Top-level categories with their name in `locale` (the Chinese name when none is stored), in shop order. */
export async function topCategories(db: Database, locale: string): Promise<TopCategory[]> {
  const rows = await db
    .select({ id: categories.id, nameZh: categories.nameZh, name: categoryTranslations.name })
    .from(categories)
    .leftJoin(categoryTranslations, and(eq(categoryTranslations.categoryId, categories.id), eq(categoryTranslations.locale, locale)))
    .where(eq(categories.depth, 0))
    .orderBy(categories.sortOrder, categories.id);
  return rows.map((r) => ({ id: r.id, nameZh: r.nameZh, name: r.name ?? r.nameZh }));
}
