import { getDb } from '@/lib/db';
import { pagesSitemap, productsSitemap } from '@/lib/seo/sitemap';

// GET /sitemaps/pages.xml | /sitemaps/products-<n>.xml — search engines: one sitemap file.
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const db = getDb();
  let body: string | null = null;
  if (file === 'pages.xml') body = await pagesSitemap(db);
  const m = /^products-(\d{1,4})\.xml$/.exec(file);
  if (m) body = await productsSitemap(db, Number(m[1]));
  if (!body) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
