import 'server-only';
import { getEnv } from '@/lib/env';

/**
 * The public origin used in canonical URLs, hreflang, sitemaps, JSON-LD and the links in emails (no
 * trailing slash). A leaf beside env.ts: SEO, accounts, purchasing and the CLI all build links with it.
 */
export function siteUrl(): string {
  return getEnv().SITE_URL.replace(/\/$/, '');
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}
