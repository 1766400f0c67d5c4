import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { moveItem } from '@/lib/warehouse/item-machine';
import { issueRefund } from './refund';
import type { GatewayDeps } from './registry';

export type ItemRefund = { gateway: string; paymentId: string; amountMinor: number; currency: string; refundId: string };

/**
 * Money back for an item the seller took back (`returned → refunded`): a refund of that item
 * through lib/payments/refund.ts — its unit price × quantity in CNY at the order's pinned rate,
 * never more than is still refundable, to the card it was paid with (the `charge.refunded` webhook
 * puts it in the ledger), the item then moved to `refunded`.
 *
 * Exactly once however often the button fires: the refund's key names the item, so every click
 * after the first finds the first refund (`isAlready`); a refusal by the gateway marks that refund
 * failed and leaves the item `returned` for another try. Cash-on-delivery orders have no card
 * charge: the item moves with nothing to return.
 */
export async function refundReturnedItem(db: Database, input: { itemId: number; actor: Actor; expectedVersion?: number }, deps: GatewayDeps = {}): Promise<{ refund: ItemRefund | null; isAlready: boolean }> {
  const [item] = await db
    .select({ id: orderItems.id, status: orderItems.fulfilmentStatus, version: orderItems.fulfilmentVersion, orderId: orderItems.orderId, gateway: orders.gateway, paymentId: orders.gatewayPaymentId })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(eq(orderItems.id, input.itemId));
  if (!item) throw new AppError('not_found', 'Item not found');
  if (item.status === 'refunded') return { refund: null, isAlready: true };
  if (item.status !== 'returned' || (input.expectedVersion !== undefined && item.version !== input.expectedVersion)) {
    throw new AppError('invalid_transition', 'Only an item the seller took back can be refunded here; reload the list');
  }
  if (item.gateway === 'cod' || !item.paymentId) {
    const moved = await db.transaction((tx) => moveItem(tx, { id: item.id, from: 'returned', to: 'refunded', actor: input.actor, payload: { orderId: item.orderId, itemId: item.id } }));
    return { refund: null, isAlready: !moved };
  }
  const issued = await issueRefund(db, null, { orderId: item.orderId, itemIds: [item.id], to: 'original', reason: 'Returned to the seller', idempotencyKey: `item-refund:${item.id}`, actor: input.actor }, deps);
  if (issued.isRepeat) return { refund: null, isAlready: true };
  return { refund: { gateway: item.gateway, paymentId: item.paymentId, amountMinor: issued.amountMinor, currency: issued.currency, refundId: issued.gatewayRefundId ?? '' }, isAlready: false };
}
