import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/site-url';

// Built per request so SITE_URL is read at run time, not baked in at build.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/*/admin', '/*/account'] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
    host: siteUrl(),
  };
}
