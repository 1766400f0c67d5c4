import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { lockOrder } from '../derive-order-status';
import { moveItem } from '../item-machine';

/** What the seller said, as customer service writes it down (any language; staff often write Chinese). */
export const sellerAnswerSchema = z.string().trim().min(2, 'answerRequired').max(500, 'answerTooLong');

/**
 * Customer service records the seller's answer to a return the shopper asked for: taken back
 * (`return_requested → returned`, the item then waits for its refund) or refused
 * (`return_requested → in_warehouse`, `item.return_refused`: the item stays with us and the shopper
 * decides again). The answer goes to `return_answer`; the move writes its event and the staff
 * member's audit record (lib/state-machine). `expectedVersion` is the version the screen showed:
 * a second click or a stale screen changes nothing and is refused.
 */
export async function recordSellerAnswer(
  db: Database,
  input: { itemId: number; isAccepted: boolean; answer: string; expectedVersion?: number; actor: Actor },
): Promise<{ itemId: number; status: 'returned' | 'in_warehouse' }> {
  const answer = sellerAnswerSchema.parse(input.answer);
  const [item] = await db.select({ orderId: orderItems.orderId }).from(orderItems).where(eq(orderItems.id, input.itemId)).limit(1);
  if (!item) throw new AppError('not_found', 'Item not found');
  const to = input.isAccepted ? 'returned' : 'in_warehouse';
  const moved = await db.transaction(async (tx) => {
    await lockOrder(tx, item.orderId);
    return moveItem(tx, {
      id: input.itemId,
      from: 'return_requested',
      to,
      actor: input.actor,
      reason: answer,
      expectedVersion: input.expectedVersion,
      set: { returnAnswer: answer },
      payload: { orderId: item.orderId, itemId: input.itemId, sellerAccepted: input.isAccepted },
    });
  });
  if (!moved) throw new AppError('invalid_transition', 'This return was answered already or changed meanwhile; reload the list');
  return { itemId: input.itemId, status: to };
}
