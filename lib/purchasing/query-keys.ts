import type { PurchaseBoard } from './queries/list-purchase-board';

/** TanStack Query keys for the purchasing board: the server prefetch and the client poll share them. */
export const purchasingKeys = {
  all: ['admin', 'purchasing'] as const,
  board: () => [...purchasingKeys.all, 'board'] as const,
};

/** The board refreshes more often than the orders board: purchases move in seconds. */
export const PURCHASING_BOARD_REFRESH_MS = 5_000;

export class PurchaseBoardFetchError extends Error {
  constructor(readonly status: number) {
    super(`GET /api/admin/purchasing answered ${status}`);
  }
}

/** The browser side of the board's query. */
export async function fetchPurchaseBoard(signal?: AbortSignal): Promise<PurchaseBoard> {
  const response = await fetch('/api/admin/purchasing', { signal, cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new PurchaseBoardFetchError(response.status);
  return (await response.json()) as PurchaseBoard;
}
