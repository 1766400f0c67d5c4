/** Admin URLs (not rewritten by the proxy: no currency segment). */
export const adminPaths = {
  home: (locale: string) => `/${locale}/admin`,
  orders: (locale: string, query?: URLSearchParams) => `/${locale}/admin/orders${query && query.size > 0 ? `?${query}` : ''}`,
  order: (locale: string, number: string) => `/${locale}/admin/orders/${encodeURIComponent(number)}`,
  stock: (locale: string) => `/${locale}/admin/stock`,
  outbox: (locale: string) => `/${locale}/admin/outbox`,
  events: (locale: string, view?: string) => `/${locale}/admin/events${view && view !== 'failing' ? `?view=${view}` : ''}`,
  partnerKeys: (locale: string) => `/${locale}/admin/partner-keys`,
  purchasing: (locale: string) => `/${locale}/admin/purchasing`,
  purchaseOrder: (locale: string, id: number) => `/${locale}/admin/purchasing/${id}`,
  sync: (locale: string) => `/${locale}/admin/sync`,
  images: (locale: string) => `/${locale}/admin/images`,
  codQueue: (locale: string) => `/${locale}/admin/cod`,
  settings: (locale: string) => `/${locale}/admin/settings`,
  receiving: (locale: string) => `/${locale}/admin/receiving`,
  receivingItem: (locale: string, itemId: number) => `/${locale}/admin/receiving/items/${itemId}`,
  inbound: (locale: string, view?: string) => `/${locale}/admin/inbound${view && view !== 'expected' ? `?view=${view}` : ''}`,
};
