import 'server-only';
import type { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { transitionOrder } from '../transition-order';

export type CodDecision = {
  orderId: number;
  /** The version the confirmation queue showed: a changed order refuses the button. */
  expectedVersion: number;
  actor: Actor;
  /** Confirm: an optional note (who was called, what was agreed). Reject: the reason, required. */
  note?: string;
};

export const REJECT_REASON_MIN = 3;
export const NOTE_MAX = 500;

/**
 * Staff confirmed a cash-on-delivery order with the shopper: `pending → confirmed`. Its lines join
 * the purchasing queue in the same transaction and it is bought like a paid order; the money is
 * collected by the courier, so nothing is written to the payment ledger. It no longer expires.
 */
export async function confirmCodOrder(db: Database, redis: Redis | null, decision: CodDecision): Promise<void> {
  await decide(db, redis, decision, 'confirmed', decision.note?.trim() || undefined);
}

/**
 * Staff could not confirm the order (the shopper declined, the number is wrong): `pending →
 * cancelled` with the reason in its event and audit record; its units return to stock once.
 */
export async function rejectCodOrder(db: Database, redis: Redis | null, decision: CodDecision): Promise<void> {
  const reason = decision.note?.trim() ?? '';
  if (reason.length < REJECT_REASON_MIN || reason.length > NOTE_MAX) {
    throw new AppError('validation_failed', `Give a reason of ${REJECT_REASON_MIN} to ${NOTE_MAX} characters`, { field: 'reason' });
  }
  await decide(db, redis, decision, 'cancelled', reason);
}

async function decide(db: Database, redis: Redis | null, decision: CodDecision, to: 'confirmed' | 'cancelled', reason: string | undefined): Promise<void> {
  const [order] = await db.select({ gateway: orders.gateway }).from(orders).where(eq(orders.id, decision.orderId)).limit(1);
  if (!order) throw new AppError('not_found', 'Order not found');
  // The gateway never changes, so checking it before the compare-and-set is safe.
  if (order.gateway !== 'cod') throw new AppError('validation_failed', 'Only cash-on-delivery orders are confirmed by staff', { field: 'orderId' });
  const changed = await transitionOrder(db, redis, {
    orderId: decision.orderId,
    from: 'pending',
    to,
    actor: decision.actor,
    reason,
    expectedVersion: decision.expectedVersion,
    payload: { cashOnDelivery: to === 'confirmed' ? 'confirmed' : 'rejected' },
  });
  if (!changed) throw new AppError('invalid_transition', 'The order changed meanwhile (confirmed, cancelled or expired); reload the queue');
}
