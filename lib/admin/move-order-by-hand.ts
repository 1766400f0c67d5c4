import 'server-only';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/db/client';
import { transitionOrderOrThrow, type TransitionRequest } from '@/lib/orders/transition-order';
import { manualTransitionPermission } from '@/lib/orders/transitions';
import { refundOrder, type RefundDeps } from '@/lib/payments/refund-order';

export type ManualMove = Omit<TransitionRequest, 'payload'>;

/**
 * A staff member's transition button on the order page. A move to `refunded` returns the money
 * first (refundOrder: through the gateway for what the ledger says was charged, then the status;
 * an order with no card charge — cash on delivery, unpaid — is only marked refunded); every other
 * move is the state machine's compare-and-set alone. A lost race or a stale version is
 * AppError('invalid_transition'). The caller has checked `manualTransitionPermission(from, to)`.
 */
export async function moveOrderByHand(db: Database, redis: Redis | null, move: ManualMove, deps: RefundDeps = {}): Promise<void> {
  manualTransitionPermission(move.from, move.to); // a move only the system makes never runs from here
  if (move.to === 'refunded') {
    await refundOrder(db, redis, move, deps);
    return;
  }
  await transitionOrderOrThrow(db, redis, move);
}
