import type { OrderBoardFilters } from './order-filters';

/**
 * TanStack Query keys for the admin, one factory per entity: the server prefetch and the client
 * hook build the same key from the same (normalised) filters, so hydration finds the data.
 */
export const adminKeys = {
  all: ['admin'] as const,
  orders: () => [...adminKeys.all, 'orders'] as const,
  orderList: (filters: OrderBoardFilters) => [...adminKeys.orders(), 'list', filters] as const,
};

/** Catalog sync runs, as the sync page's server prefetch and its polling client build them. */
export const syncKeys = {
  all: () => [...adminKeys.all, 'sync'] as const,
  overview: (platform: string) => [...syncKeys.all(), 'overview', platform] as const,
};

/** Polling interval of the orders board. */
export const ORDER_BOARD_REFRESH_MS = 10_000;
