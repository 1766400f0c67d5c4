import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import { orderItems, orders } from '@/db/schema/orders';
import type { Executor } from '@/lib/db/executor';

/** Who may decide on an item: the shopper who placed its order, or the partner key that did. */
export type ItemOwner = { userId: number } | { partnerKeyId: string };

/**
 * One item with its order, scoped by its owner in the query itself: another owner's item (or an
 * item of another order than the one named) reads as null, and the caller answers "not found".
 */
export async function findOwnedItem(tx: Executor, owner: ItemOwner, itemId: number, orderNumber?: string) {
  const conditions: SQL[] = [eq(orderItems.id, itemId), 'userId' in owner ? eq(orders.userId, owner.userId) : eq(orders.partnerKeyId, owner.partnerKeyId)];
  if (orderNumber !== undefined) conditions.push(eq(orders.number, orderNumber));
  const [row] = await tx
    .select({
      itemId: orderItems.id,
      status: orderItems.fulfilmentStatus,
      version: orderItems.fulfilmentVersion,
      quantity: orderItems.quantity,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
      orderId: orders.id,
      orderNumber: orders.number,
      chargeCurrency: orders.chargeCurrency,
      chargeRate: orders.chargeRate,
      gateway: orders.gateway,
      locale: orders.locale,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(...conditions))
    .limit(1);
  // The number column's collation ignores case: a partner's order number is matched exactly.
  if (!row || (orderNumber !== undefined && row.orderNumber !== orderNumber)) return null;
  return row;
}

export type OwnedItem = NonNullable<Awaited<ReturnType<typeof findOwnedItem>>>;
