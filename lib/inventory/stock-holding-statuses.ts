import type { OrderStatus } from '@/db/schema/orders';

/**
 * Statuses whose items still hold units of shadow stock (`skus.reserved`): the order machine's
 * stock effects release the units when an order leaves them, and the counter repair sums them.
 */
export const stockHoldingStatuses = ['pending', 'paid', 'confirmed', 'purchasing'] as const satisfies readonly OrderStatus[];
export const holdsStock = (status: OrderStatus): boolean => (stockHoldingStatuses as readonly OrderStatus[]).includes(status);
