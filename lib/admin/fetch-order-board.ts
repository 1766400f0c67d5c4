import { orderFilterParams, type OrderBoardFilters } from './order-filters';
import type { OrderBoard } from './queries/list-orders';

/** A failed poll: the HTTP status and the route's error code (`unauthorized` once the session has ended). */
export class BoardFetchError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`GET /api/admin/orders answered ${status} (${code})`);
  }
}

/** The browser side of the board's query: GET /api/admin/orders with the board's filters. */
export async function fetchOrderBoard(filters: OrderBoardFilters, signal?: AbortSignal): Promise<OrderBoard> {
  const response = await fetch(`/api/admin/orders?${orderFilterParams(filters)}`, { signal, cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    throw new BoardFetchError(response.status, body?.error?.code ?? 'internal');
  }
  return (await response.json()) as OrderBoard;
}
