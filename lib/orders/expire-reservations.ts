import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import { systemActor } from '@/lib/audit/actor';
import { transitionOrder } from './transition-order';

/**
 * Cancels unpaid orders whose reservation ran out and returns their units: card orders not paid
 * within RESERVATION_MINUTES, and cash-on-delivery orders staff did not confirm within the agent's
 * confirmation window (both set `reserved_until` at checkout). The cancel is the order's
 * compare-and-set, so a payment or a confirmation that lands at the same moment wins or loses
 * cleanly and the units go back exactly once.
 */
export async function expireReservations(db: Database, redis: Redis | null, now = new Date(), limit = 500): Promise<number> {
  const due = await db
    .select({ id: orders.id, gateway: orders.gateway })
    .from(orders)
    .where(and(eq(orders.status, 'pending'), lt(orders.reservedUntil, now)))
    .orderBy(asc(orders.reservedUntil))
    .limit(limit);
  let expired = 0;
  for (const { id, gateway } of due) {
    const changed = await transitionOrder(db, redis, {
      orderId: id,
      from: 'pending',
      to: 'cancelled',
      actor: systemActor('reservation-expiry'),
      reason: gateway === 'cod' ? 'cash on delivery not confirmed in time' : 'payment window expired',
    });
    if (changed) expired++;
  }
  return expired;
}
