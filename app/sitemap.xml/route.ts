import { getDb } from '@/lib/db';
import { renderIndex, sitemapFileNames } from '@/lib/seo/sitemap';

// GET /sitemap.xml — search engines: the sitemap index (one file per 50,000 URLs).
export const dynamic = 'force-dynamic';

export async function GET() {
  const body = renderIndex(await sitemapFileNames(getDb()));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
