import { getDb } from '@/lib/db';
import { errorText } from '@/lib/errors/http';
import { renderIndex, sitemapFileNames } from '@/lib/seo/sitemap';

// GET /sitemap.xml — search engines: the sitemap index (one file per 50,000 URLs).
export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const body = renderIndex(await sitemapFileNames(getDb()));
    return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
  } catch (error) {
    // A 503 with Retry-After tells a crawler to come back, where a 500 counts against the site.
    return errorText(error, '[seo] GET /sitemap.xml');
  }
}
