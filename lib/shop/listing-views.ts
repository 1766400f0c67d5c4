import { looksLikeUrl } from '@/lib/suppliers/parse-product-link';
import { type ListingParams, parseListingParams, parseSearchParams } from './listing-params';

/*
 * Category and search pages are cached whole, like product pages. A page that reads its query
 * string renders per request, so the proxy moves the query into one path segment of an ISR route
 * (`/en/c/shoes?sort=newest&page=2` → `/en/USD/c/shoes/sort-newest_page-2`): every view is its own
 * cached page per locale and currency, expired by the catalog's tags. Public URLs keep their query
 * strings. A view has exactly one spelling (`?page=02&sort=popular` shares `?page=2`'s entry); a
 * route handed any other spelling answers 404, so no one can make duplicates of a cached page.
 */

type RawParams = Record<string, string | string[] | undefined>;

/** A price bound as one canonical decimal (`05.50` → `5.5`); anything else is no bound, as before. */
function canonicalBound(text: string | undefined): string | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** The listing parameters of a category URL, with price bounds in their one spelling. */
export function categoryView(raw: RawParams): ListingParams {
  const params = parseListingParams(raw);
  return { sort: params.sort, page: params.page, min: canonicalBound(params.min), max: canonicalBound(params.max) };
}

/** The path segment of a category view; null for the plain first page (the category's own route). */
export function categoryViewSegment(view: ListingParams): string | null {
  const parts: string[] = [];
  if (view.sort !== 'popular') parts.push(`sort-${view.sort}`);
  if (view.min) parts.push(`min-${view.min}`);
  if (view.max) parts.push(`max-${view.max}`);
  if (view.page > 1) parts.push(`page-${view.page}`);
  return parts.length > 0 ? parts.join('_') : null;
}

/** A category view from its path segment, or null unless the segment is that view's own spelling. */
export function parseCategoryViewSegment(segment: string): ListingParams | null {
  const raw: Record<string, string> = {};
  for (const part of segment.split('_')) {
    const dash = part.indexOf('-');
    if (dash < 1) return null;
    raw[part.slice(0, dash)] = part.slice(dash + 1);
  }
  const view = categoryView(raw);
  return categoryViewSegment(view) === segment ? view : null;
}

// Longer queries (some 100 Chinese characters) render per request: the segment names a file in the
// page cache, and file names stop at 255 bytes.
const maxSearchSegment = 160;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * The path segment of a search (`<words as base64url>[.<page>]`), or null when it renders per request:
 * no words, a pasted link (looked up, or answered with a message), or words too long for a segment.
 */
export function searchViewSegment(raw: RawParams): string | null {
  const { q, page } = parseSearchParams(raw);
  const pasted = typeof raw.q === 'string' ? raw.q.trim().slice(0, 2000) : q;
  if (!q || looksLikeUrl(pasted)) return null;
  const segment = page > 1 ? `${toBase64Url(q)}.${page}` : toBase64Url(q);
  return segment.length <= maxSearchSegment ? segment : null;
}

/** The words and page of a search segment, or null unless it is exactly what searchViewSegment makes. */
export function parseSearchViewSegment(segment: string): { q: string; page: number } | null {
  const [encoded = '', page, ...rest] = segment.split('.');
  if (rest.length > 0) return null;
  const q = fromBase64Url(encoded);
  if (q === null) return null;
  const raw = { q, page: page ?? '1' };
  return searchViewSegment(raw) === segment ? parseSearchParams(raw) : null;
}

/**
 * For the proxy: the view segment to append to a public category (`/{locale}/c/{slug}`) or search
 * (`/{locale}/search`) path, or null when the path is neither or the page is its plain route.
 */
export function listingViewSegment(pathSegments: readonly string[], query: URLSearchParams): string | null {
  const [, , page, slug, ...rest] = pathSegments;
  if (rest.length > 0) return null;
  const raw = (...names: string[]) => Object.fromEntries(names.map((name) => [name, query.get(name) ?? undefined]));
  if (page === 'c' && slug) return categoryViewSegment(categoryView(raw('sort', 'page', 'min', 'max')));
  if (page === 'search' && slug === undefined) return searchViewSegment(raw('q', 'page'));
  return null;
}
