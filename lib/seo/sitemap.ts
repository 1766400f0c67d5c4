import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { products } from '@/db/schema/catalog';
import type { Database } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { getCategoryTree } from '@/lib/catalog/queries/get-category-tree';
import { infoPages, shopPaths } from '@/lib/shop/paths';
import { absoluteUrl } from '@/lib/site-url';

/** Search engines accept at most 50,000 URLs per sitemap file; each product has one URL per locale. */
export const maxUrlsPerFile = 50_000;
export const productsPerFile = Math.floor(maxUrlsPerFile / locales.length);

type Entry = { loc: string; lastmod?: string };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderUrlset(entries: Entry[]): string {
  const body = entries.map((e) => `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function renderIndex(files: string[]): string {
  const body = files.map((f) => `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${f}`))}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export async function sitemapFileNames(db: Database): Promise<string[]> {
  const [row] = await db.select({ n: count() }).from(products).where(eq(products.isActive, 1));
  const chunks = Math.ceil((row?.n ?? 0) / productsPerFile);
  return ['pages.xml', ...Array.from({ length: chunks }, (_, i) => `products-${i}.xml`)];
}

export async function pagesSitemap(db: Database): Promise<string> {
  const tree = await getCategoryTree(db, 'en');
  const entries: Entry[] = [];
  for (const l of locales) {
    entries.push({ loc: absoluteUrl(shopPaths.home(l)) }, { loc: absoluteUrl(shopPaths.about(l)) }, { loc: absoluteUrl(shopPaths.shipping(l)) }, ...infoPages.map((page) => ({ loc: absoluteUrl(shopPaths.info(l, page)) })));
    for (const c of Object.values(tree.byId)) entries.push({ loc: absoluteUrl(shopPaths.category(l, c.slug)) });
  }
  return renderUrlset(entries);
}

export async function productsSitemap(db: Database, chunk: number): Promise<string | null> {
  const rows = await db
    .select({ slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(eq(products.isActive, 1))
    .orderBy(asc(products.id))
    .limit(productsPerFile)
    .offset(chunk * productsPerFile);
  if (rows.length === 0) return null;
  const entries = rows.flatMap((r) => locales.map((l) => ({ loc: absoluteUrl(shopPaths.product(l, r.slug)), lastmod: r.updatedAt.toISOString() })));
  return renderUrlset(entries);
}
