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

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Listing query parameters from the URL; anything malformed falls back to its default, never a 500. */
export function parseListingParams(raw: RawParams): ListingParams {
  return schema.parse({ sort: first(raw.sort), page: first(raw.page), min: first(raw.min), max: first(raw.max) });
}

const searchSchema = z.object({
  q: z.string().catch('').transform((q) => q.trim().slice(0, 200)),
  page: z.coerce.number().int().catch(1).transform((n) => Math.min(100, Math.max(1, n))),
});

/** Search words (at most 200 characters) and a page from 1 to 100, by the same rules. */
export function parseSearchParams(raw: RawParams): { q: string; page: number } {
  return searchSchema.parse({ q: first(raw.q) ?? '', page: first(raw.page) ?? 1 });
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
