import { asc, count, desc, eq, isNull } from 'drizzle-orm';
import { closeDatabases, databaseFor } from '@/db/client';
import { categories, products } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { shopPaths } from '@/lib/shop/paths';
import { runCommand } from './server';

/*
 * The demo catalog the benchmark and the audit read: made sure of (migrate + seed when short of
 * products) and sampled for URLs. Never drops or resets anything.
 */

export const minimumDemoProducts = 1000;

async function countProducts(): Promise<number | null> {
  try {
    const [row] = await databaseFor(getEnv().DATABASE_URL).select({ n: count() }).from(products);
    return row?.n ?? 0;
  } catch {
    return null; // database or table missing: the migration creates them
  }
}

/** Migrates and seeds the demo database when it holds fewer than `minimumDemoProducts` products. */
export async function ensureDemoCatalog(): Promise<number> {
  const before = await countProducts();
  if (before !== null && before >= minimumDemoProducts) return before;
  process.stderr.write(`[bench] demo catalog has ${before ?? 'no'} products: migrating and seeding\n`);
  await runCommand('npm', ['run', '--silent', 'ferry', '--', 'db', 'migrate']);
  await runCommand('npm', ['run', '--silent', 'ferry', '--', 'db', 'seed']);
  const after = await countProducts();
  if (after === null || after < minimumDemoProducts) throw new Error(`seeding left ${after ?? 'no'} products (need ${minimumDemoProducts})`);
  return after;
}

export type BenchPaths = {
  about: string;
  products: string[];
  category: string;
  /** The same category's second page, no filter or sort: a plain listing page search engines follow. */
  categoryPage2: string;
  /** The same category narrowed by price (in the cookie's currency, USD) and sorted: a shopper's own view. */
  categoryFiltered: string;
  search: string;
  home: string;
};

/** Public (currency-free) storefront paths: the most popular active products and the first root category. */
export async function pickBenchPaths(productCount = 50, locale = 'en'): Promise<BenchPaths> {
  const db = databaseFor(getEnv().DATABASE_URL);
  try {
    const top = await db
      .select({ slug: products.slug })
      .from(products)
      .where(eq(products.isActive, 1))
      .orderBy(desc(products.salesCount), asc(products.id))
      .limit(productCount);
    const [root] = await db.select({ slug: categories.slug }).from(categories).where(isNull(categories.parentId)).orderBy(asc(categories.sortOrder), asc(categories.id)).limit(1);
    if (top.length < productCount || !root) throw new Error(`the demo catalog has ${top.length} active products and ${root ? 'a' : 'no'} root category`);
    return {
      about: shopPaths.about(locale),
      home: shopPaths.home(locale),
      products: top.map((p) => shopPaths.product(locale, p.slug)),
      category: shopPaths.category(locale, root.slug),
      categoryPage2: `${shopPaths.category(locale, root.slug)}?page=2`,
      categoryFiltered: `${shopPaths.category(locale, root.slug)}?min=5&max=30&sort=price-asc`,
      search: shopPaths.search(locale, 'dress'),
    };
  } finally {
    await closeDatabases();
  }
}
