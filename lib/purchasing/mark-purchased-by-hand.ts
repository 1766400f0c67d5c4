import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { completeOrders } from './complete-orders';
import { isDuplicateKey } from '@/lib/db/lock-conflict';
import { logPurchaseStep } from './log-purchase-event';
import { movePurchaseOrder } from './purchase-order-machine';
import { manualFromStatuses } from './transitions';

/** 1688 order ids are long digit strings. */
export const upstreamOrderIdSchema = z.string().trim().regex(/^\d{6,30}$/, 'digits only, 6 to 30 of them');

export type ManualResult = { changed: true } | { changed: false; upstreamOrderId: string | null; status: string };

/**
 * A purchaser bought the lines on the marketplace themselves: the purchase order becomes `placed`
 * with the upstream order id they typed, its lines `purchased`, and orders with every line bought
 * `purchased`. A compare-and-set on the status and version the purchaser saw: a second click (same
 * id or another) finds it placed and changes nothing, and says what is recorded.
 */
export async function markPurchasedByHand(
  db: Database,
  redis: Redis | null,
  input: { purchaseOrderId: number; expectedVersion: number; upstreamOrderId: string },
  actor: Actor,
): Promise<ManualResult> {
  const upstreamOrderId = upstreamOrderIdSchema.parse(input.upstreamOrderId);
  let outcome;
  try {
    outcome = await db.transaction(async (tx) => {
      // The version the purchaser saw pins the status too: read it, then move from exactly that.
      const [current] = await tx.select({ status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.id, input.purchaseOrderId));
      if (!current || !manualFromStatuses.includes(current.status)) return null;
      const moved = await movePurchaseOrder(tx, {
        id: input.purchaseOrderId,
        from: current.status,
        to: 'placed',
        actor,
        expectedVersion: input.expectedVersion,
        set: { upstreamOrderId, placedBy: String(actor.id ?? actor.type), placedAt: new Date(), lastError: null },
        payload: { upstreamOrderId },
      });
      if (!moved) return null;
      const lines = await tx
        .select({ orderId: orderItems.orderId })
        .from(orderItems)
        .where(and(eq(orderItems.purchaseOrderId, input.purchaseOrderId), inArray(orderItems.purchaseStatus, ['purchasing', 'failed'])));
      await tx
        .update(orderItems)
        .set({ purchaseStatus: 'purchased' })
        .where(and(eq(orderItems.purchaseOrderId, input.purchaseOrderId), inArray(orderItems.purchaseStatus, ['purchasing', 'failed'])));
      await logPurchaseStep(tx, input.purchaseOrderId, 'manual', actor, { upstreamOrderId, lines: lines.length });
      return lines.map((l) => l.orderId);
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('conflict', `Upstream order ${upstreamOrderId} is already recorded on another purchase order`);
    throw error;
  }
  if (outcome) {
    await completeOrders(db, redis, outcome, actor, { upstreamOrderId, byHand: true });
    return { changed: true };
  }
  const [now] = await db.select({ status: purchaseOrders.status, upstreamOrderId: purchaseOrders.upstreamOrderId }).from(purchaseOrders).where(eq(purchaseOrders.id, input.purchaseOrderId));
  if (!now) throw new AppError('not_found', 'Purchase order not found');
  return { changed: false, upstreamOrderId: now.upstreamOrderId, status: now.status };
}
