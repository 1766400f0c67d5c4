import { upstreamOrderStatuses, type UpstreamOrderStatus } from './types';

/**
 * How far an upstream order has gone. Statuses only move forward in the real world, so a message
 * that would move one back is older than what Ferry knows (reordered or redelivered) and is
 * ignored. `cancelled` ends the order wherever it was, so it outranks everything.
 */
const rank: Record<UpstreamOrderStatus, number> = {
  awaiting_payment: 0,
  awaiting_shipment: 1,
  shipped: 2,
  received: 3,
  completed: 4,
  cancelled: 5,
};

export function isUpstreamOrderStatus(value: string | null | undefined): value is UpstreamOrderStatus {
  return typeof value === 'string' && (upstreamOrderStatuses as readonly string[]).includes(value);
}

/** True when `next` is further than `current` (a status Ferry does not know counts as nothing yet). */
export function isForwardUpstreamStatus(current: string | null, next: UpstreamOrderStatus): boolean {
  const from = isUpstreamOrderStatus(current) ? rank[current] : -1;
  return rank[next] > from;
}

/** True for the statuses an order reaches once the seller sent the goods (cancelled is not one: nothing may be on its way). */
export function hasShippedUpstream(status: string | null): boolean {
  return isUpstreamOrderStatus(status) && status !== 'cancelled' && rank[status] >= rank.shipped;
}
