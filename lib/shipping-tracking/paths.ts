/** The public tracking pages (no currency: the proxy adds it). */
export const trackingPaths = {
  lookup: (locale: string) => `/${locale}/track`,
  number: (locale: string, number: string) => `/${locale}/track/${encodeURIComponent(number)}`,
};
