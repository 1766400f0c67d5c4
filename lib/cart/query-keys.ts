/** TanStack Query keys for the cart (client and server alike): invalidate `cartKeys.all` after any cart write. */
export const cartKeys = {
  all: ['cart'] as const,
  summary: () => [...cartKeys.all, 'summary'] as const,
};

export type CartSummary = { count: number };

/** GET /api/cart/summary: the badge's data, never cached by the browser or a CDN. */
export async function fetchCartSummary(): Promise<CartSummary> {
  const response = await fetch('/api/cart/summary', { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`cart summary: HTTP ${response.status}`);
  return (await response.json()) as CartSummary;
}
