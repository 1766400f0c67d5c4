import { asc, eq, inArray } from 'drizzle-orm';
import { orderItems, orders } from '@/db/schema';
import { skus } from '@/db/schema/catalog';
import type { CheckoutWorld } from './checkout-fixtures';
import { placePaidOrder } from './purchasing-world';

/**
 * Makes accepted items for parcels: each call places a paid order of the user's with `n` lines (next
 * SKUs in turn), then writes the warehouse's steps directly (received, weighed at `grams`, shelved,
 * accepted after QC). Returns the items' ids.
 */
export function acceptedItemsMaker(world: CheckoutWorld) {
  let cursor = 0;
  return async function acceptedItems(user: { id: number; email: string }, n: number, grams = 400): Promise<number[]> {
    const rows = await world.db.select({ id: skus.id }).from(skus).orderBy(asc(skus.id));
    const picked = Array.from({ length: n }, (_, k) => rows[(cursor + k) % rows.length]!.id);
    cursor += n;
    await world.db.update(skus).set({ stock: 1000, reserved: 0 }).where(inArray(skus.id, picked));
    const order = await placePaidOrder(world, picked.map((skuId) => ({ skuId, quantity: 1 })), { customer: { type: 'user', userId: user.id, email: user.email } });
    await world.db.update(orders).set({ status: 'arrived' }).where(eq(orders.id, order.id));
    await world.db
      .update(orderItems)
      .set({ purchaseStatus: 'purchased', fulfilmentStatus: 'accepted', receivedAt: new Date(), weightGrams: grams, storageBin: 'A-01' })
      .where(eq(orderItems.orderId, order.id));
    const items = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
    return items.map((i) => i.id);
  };
}
