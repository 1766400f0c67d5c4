import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { lockOrder } from '../derive-order-status';
import { moveItem } from '../item-machine';
import { findOwnedItem, type ItemOwner } from './find-owned-item';
import { withdrawOpenCharges } from './grant-more-photos';

/** Who made a QC decision (`order_items.decided_by`). */
export type DecidedBy = 'shopper' | 'partner' | 'staff' | 'auto';

/** A return's reason as the shopper types it: required, one short paragraph. */
export const returnReasonSchema = z.string().trim().min(3, 'returnReasonRequired').max(500, 'returnReasonTooLong');

export type ItemDecision = { decision: 'accept' } | { decision: 'return'; reason: string };

/**
 * The shopper's (or their partner's) QC decision on one item in the warehouse: accept it (ready to
 * ship) or ask for a return or exchange with a reason. One compare-and-set through the item
 * machine, under the order's row lock: a second click, a stale page or a decision the window's
 * job made first changes nothing and is refused with `invalid_transition`. An unpaid "more photos"
 * charge of the item is withdrawn with it (the shopper no longer waits for those photos).
 * Another owner's item is `not_found`.
 */
export async function decideItem(
  db: Database,
  input: { owner: ItemOwner; itemId: number; orderNumber?: string; actor: Actor; decidedBy: DecidedBy } & ItemDecision,
): Promise<{ itemId: number; orderNumber: string; status: 'accepted' | 'return_requested' }> {
  let reason: string | null = null;
  if (input.decision === 'return') {
    const parsed = returnReasonSchema.safeParse(input.reason);
    if (!parsed.success) throw new AppError('validation_failed', 'A return needs its reason (3 to 500 characters)', { fieldErrors: { reason: parsed.error.issues[0]!.message } });
    reason = parsed.data;
  }
  const item = await findOwnedItem(db, input.owner, input.itemId, input.orderNumber);
  if (!item) throw new AppError('not_found', 'Item not found');
  const to = input.decision === 'accept' ? 'accepted' : 'return_requested';
  const moved = await db.transaction(async (tx) => {
    await lockOrder(tx, item.orderId);
    const isMoved = await moveItem(tx, {
      id: item.itemId,
      from: 'in_warehouse',
      to,
      actor: input.actor,
      ...(reason ? { reason } : {}),
      set: { decidedAt: new Date(), decidedBy: input.decidedBy, ...(reason ? { returnReason: reason } : {}) },
      payload: { orderId: item.orderId, orderNumber: item.orderNumber, itemId: item.itemId, decidedBy: input.decidedBy },
    });
    if (!isMoved) return false;
    await withdrawOpenCharges(tx, item.itemId);
    return true;
  });
  if (!moved) throw new AppError('invalid_transition', 'This item is no longer waiting for a decision: it was decided already, or it is not in the warehouse');
  return { itemId: item.itemId, orderNumber: item.orderNumber, status: to };
}
