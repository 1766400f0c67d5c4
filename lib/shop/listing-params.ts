import { z } from 'zod';
import { sortOptions, type SortOption } from '@/lib/catalog/types';

export const listingPageSize = 24;
const maxPage = 500;

const schema = z.object({
  sort: z.enum(sortOptions).catch('popular'),
  page: z.coerce.number().int().min(1).max(maxPage).catch(1),
  min: z.string().max(16).optional().catch(undefined),
  max: z.string().max(16).optional().catch(undefined),
});

export type ListingParams = { sort: SortOption; page: number; min?: string; max?: string };

/** Listing query parameters from the URL; anything malformed falls back to its default, never a 500. */
export function parseListingParams(raw: Record<string, string | string[] | undefined>): ListingParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return schema.parse({ sort: first(raw.sort), page: first(raw.page), min: first(raw.min), max: first(raw.max) });
}

export function listingQuery(params: ListingParams, overrides: Partial<ListingParams> = {}): string {
  const merged = { ...params, ...overrides };
  const q = new URLSearchParams();
  if (merged.sort !== 'popular') q.set('sort', merged.sort);
  if (merged.min) q.set('min', merged.min);
  if (merged.max) q.set('max', merged.max);
  if (merged.page > 1) q.set('page', String(merged.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}
