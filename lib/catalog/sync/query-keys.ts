import { adminKeys } from '@/lib/admin/query-keys';

/**
 * TanStack Query keys for catalog sync runs: the page's server prefetch and the polling client
 * build the same key, so hydration finds the data.
 */
export const syncKeys = {
  all: () => [...adminKeys.all, 'sync'] as const,
  overview: (platform: string) => [...syncKeys.all(), 'overview', platform] as const,
};
