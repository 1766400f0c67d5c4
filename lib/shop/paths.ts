/** Public storefront paths (no currency: the proxy adds it). Absolute URLs are built from SITE_URL. */
export const shopPaths = {
  home: (locale: string) => `/${locale}`,
  category: (locale: string, slug: string) => `/${locale}/c/${slug}`,
  product: (locale: string, slug: string) => `/${locale}/p/${slug}`,
  search: (locale: string, q?: string) => `/${locale}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  about: (locale: string) => `/${locale}/about`,
};

export function mediaUrl(key: string, size: 200 | 800): string {
  return `/media/${key.slice(0, 2)}/${key}-${size}.webp`;
}
