import { AppError } from '@/lib/errors';

export type ProductQuery = { q?: string; page: number; pageSize: number };

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 100_000;
const MAX_QUERY_LENGTH = 200;

/** `?q=&page=&pageSize=` of GET /api/v1/products; anything out of bounds is a 400 naming the parameter. */
export function parseProductQuery(params: URLSearchParams): ProductQuery {
  const q = params.get('q') ?? undefined;
  if (q !== undefined && q.length > MAX_QUERY_LENGTH) {
    throw new AppError('bad_request', `q must be at most ${MAX_QUERY_LENGTH} characters`, { field: 'q' });
  }
  return {
    q: q?.trim() || undefined,
    page: integerParam(params, 'page', 1, 1, MAX_PAGE),
    pageSize: integerParam(params, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  };
}

function integerParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw new AppError('bad_request', `${name} must be a whole number from ${min} to ${max}`, { field: name });
  }
  return value;
}
