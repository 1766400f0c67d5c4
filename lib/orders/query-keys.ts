import type { OrderStatus } from '@/db/schema/orders';
import { orderPaths } from './paths';

/** TanStack Query keys for a shopper's orders. */
export const orderKeys = {
  all: ['orders'] as const,
  status: (number: string) => [...orderKeys.all, number, 'status'] as const,
};

export type OrderStatusReply = { number: string; status: OrderStatus };

export async function fetchOrderStatus(number: string): Promise<OrderStatusReply> {
  const response = await fetch(orderPaths.statusApi(number), { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`order status: HTTP ${response.status}`);
  return (await response.json()) as OrderStatusReply;
}
