/** Public storefront paths (no currency: the proxy adds it). Absolute URLs are built from SITE_URL. */
export const shopPaths = {
  home: (locale: string) => `/${locale}`,
  category: (locale: string, slug: string) => `/${locale}/c/${slug}`,
  product: (locale: string, slug: string) => `/${locale}/p/${slug}`,
  search: (locale: string, q?: string) => `/${locale}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  about: (locale: string) => `/${locale}/about`,
  /** The shipping estimator; `query` prefills (and quotes) its form. */
  shipping: (locale: string, query?: URLSearchParams) => `/${locale}/shipping${query && query.size > 0 ? `?${query}` : ''}`,
  /** Help, terms and privacy: one prerendered page each (components/shop/info-page.tsx). */
  info: (locale: string, page: InfoPage) => `/${locale}/${page}`,
};

export const infoPages = ['help', 'terms', 'privacy'] as const;
export type InfoPage = (typeof infoPages)[number];

export function mediaUrl(key: string, size: 200 | 800): string {
  return `/media/${key.slice(0, 2)}/${key}-${size}.webp`;
}
