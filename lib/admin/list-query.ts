/** The first value of a query parameter that may be repeated (`?page=2&page=3` → `2`). */
export const firstParam = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * A tabbed, paged admin list's `?view=…&page=…`: a view it does not know is `fallback`, a page that
 * is not a whole number from 1 to 100,000 is the nearest one of those.
 */
export function listQuery<V extends string>(query: Record<string, string | string[] | undefined>, views: readonly V[], fallback: V): { view: V; page: number } {
  const requested = firstParam(query.view);
  const view = views.includes(requested as V) ? (requested as V) : fallback;
  const page = Math.min(Math.max(Number.parseInt(firstParam(query.page) ?? '1', 10) || 1, 1), 100_000);
  return { view, page };
}
