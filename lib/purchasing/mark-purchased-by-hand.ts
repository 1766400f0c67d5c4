import 'server-only';
import type { Redis } from '@upstash/redis';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/orders/actor';
import { completeOrders } from './complete-orders';
import { isDuplicateKey } from '@/lib/db/lock-conflict';
import { logPurchaseEvent } from './log-purchase-event';

/** 1688 order ids are long digit strings. */
export const upstreamOrderIdSchema = z.string().trim().regex(/^\d{6,30}$/, 'digits only, 6 to 30 of them');

/** Statuses a purchaser may take over: nothing is being sent upstream by Ferry at that moment. */
const MANUAL_FROM = ['failed', 'claimed', 'previewed'] as const;

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
      const [result] = await tx
        .update(purchaseOrders)
        .set({ status: 'placed', upstreamOrderId, placedBy: String(actor.id ?? actor.type), placedAt: new Date(), lastError: null, version: sql`${purchaseOrders.version} + 1` })
        .where(and(eq(purchaseOrders.id, input.purchaseOrderId), inArray(purchaseOrders.status, [...MANUAL_FROM]), eq(purchaseOrders.version, input.expectedVersion)));
      if (result.affectedRows !== 1) return null;
      const lines = await tx
        .select({ orderId: orderItems.orderId })
        .from(orderItems)
        .where(and(eq(orderItems.purchaseOrderId, input.purchaseOrderId), inArray(orderItems.purchaseStatus, ['purchasing', 'failed'])));
      await tx
        .update(orderItems)
        .set({ purchaseStatus: 'purchased' })
        .where(and(eq(orderItems.purchaseOrderId, input.purchaseOrderId), inArray(orderItems.purchaseStatus, ['purchasing', 'failed'])));
      await logPurchaseEvent(tx, input.purchaseOrderId, 'manual', actor, { upstreamOrderId, lines: lines.length });
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
