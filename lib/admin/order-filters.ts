import type { OrderStatus } from '@/db/schema/orders';
import type { GatewayName } from '@/lib/orders/types';

/**
 * The orders board's filters, as the URL carries them (`?status=paid&from=2025-01-01&flagged=1`).
 * Shared by the page, the polling route handler and the client board: the same object is the
 * TanStack query key, so it is kept normalised (absent filters are absent keys, never `undefined`).
 * Parsing lives in parse-order-filters.ts (zod stays out of the client bundle).
 */
export type OrderBoardFilters = {
  status?: OrderStatus;
  /** Inclusive calendar days (YYYY-MM-DD) in the admin's time zone (format.ts). */
  from?: string;
  to?: string;
  gateway?: GatewayName;
  hasFlaggedPayment?: true;
  /** Order number or email (prefix), or a partner's external ref (exact). */
  q?: string;
  page: number;
};

export const ORDER_BOARD_PAGE_SIZE = 25;

/** The query string for `filters` with `changes` applied; page 1 is left out. */
export function orderFilterParams(filters: OrderBoardFilters, changes: Partial<OrderBoardFilters> = {}): URLSearchParams {
  const f = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.gateway) params.set('gateway', f.gateway);
  if (f.hasFlaggedPayment) params.set('flagged', '1');
  if (f.q) params.set('q', f.q);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** `filters` without keys whose value is undefined, so equal filters make equal query keys. */
export function normaliseFilters(filters: OrderBoardFilters): OrderBoardFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as OrderBoardFilters;
}
