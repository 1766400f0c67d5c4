import { getDb } from '@/lib/db';
import { errorText } from '@/lib/errors/http';
import { pagesSitemap, productsSitemap } from '@/lib/seo/sitemap';

// GET /sitemaps/pages.xml | /sitemaps/products-<n>.xml — search engines: one sitemap file.
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const db = getDb();
  let body: string | null = null;
  try {
    if (file === 'pages.xml') body = await pagesSitemap(db);
    const m = /^products-(\d{1,4})\.xml$/.exec(file);
    if (m) body = await productsSitemap(db, Number(m[1]));
  } catch (error) {
    // A 503 with Retry-After tells a crawler to come back, where a 500 counts against the site.
    return errorText(error, `[seo] GET /sitemaps/${file}`);
  }
  if (!body) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
