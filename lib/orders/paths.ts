/** A shopper's order pages (account area: no currency segment, amounts are in the order's own currency). */
export const orderPaths = {
  list: (locale: string, page = 1) => `/${locale}/account/orders${page > 1 ? `?page=${page}` : ''}`,
  order: (locale: string, number: string) => `/${locale}/account/orders/${encodeURIComponent(number)}`,
  /** GET: the order's status for the shopper who owns it (polled after paying). */
  statusApi: (number: string) => `/api/orders/${encodeURIComponent(number)}/status`,
};
