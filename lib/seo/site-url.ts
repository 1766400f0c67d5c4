import { getEnv } from '@/lib/env';

/** The public origin used in canonical URLs, hreflang, sitemaps and JSON-LD (no trailing slash). */
export function siteUrl(): string {
  return getEnv().SITE_URL.replace(/\/$/, '');
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}
