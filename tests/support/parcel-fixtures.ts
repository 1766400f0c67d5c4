import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { orderItems, orders, products, skus } from '@/db/schema';
import { placePaidOrder, signedEvent } from './purchasing-world';
import type { CheckoutWorld } from './checkout-fixtures';

let skuCursor = 0;

/** A paid order of `user`'s with `n` lines, its items received, weighed and accepted (the warehouse's steps written directly). */
export async function acceptedItems(world: CheckoutWorld, user: { id: number; email: string }, n: number, grams = 400): Promise<number[]> {
  // Plain goods only: a battery or a liquid would take EMS, the line the parcel suites ship on, away.
  const rows = await world.db
    .select({ id: skus.id })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(sql`json_length(${products.goodsDetected}) = 0`)
    .orderBy(asc(skus.id));
  const picked = Array.from({ length: n }, (_, k) => rows[(skuCursor + k) % rows.length]!.id);
  skuCursor += n;
  await world.db.update(skus).set({ stock: 1000, reserved: 0 }).where(inArray(skus.id, picked));
  const order = await placePaidOrder(world, picked.map((skuId) => ({ skuId, quantity: 1 })), { customer: { type: 'user', userId: user.id, email: user.email } });
  await world.db.update(orders).set({ status: 'arrived' }).where(eq(orders.id, order.id));
  await world.db
    .update(orderItems)
    .set({ purchaseStatus: 'purchased', fulfilmentStatus: 'accepted', receivedAt: new Date(), weightGrams: grams, storageBin: 'A-01' })
    .where(eq(orderItems.orderId, order.id));
  const items = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  return items.map((i) => i.id);
}

/** The gateway's payment_intent.succeeded for a parcel's price (or, `charge: 'topup'`, its top-up), signed like the sandbox signs it. */
export function parcelPaidEvent(parcel: { id: number; number: string; chargeMinor: number; currency: string }, overrides: { amount?: number; charge?: 'parcel' | 'topup'; intentId?: string } = {}, eventId?: string) {
  const amount = overrides.amount ?? parcel.chargeMinor;
  return signedEvent(
    'payment_intent.succeeded',
    {
      id: overrides.intentId ?? `pi_${randomUUID()}`,
      object: 'payment_intent',
      amount,
      amount_received: amount,
      currency: parcel.currency.toLowerCase(),
      metadata: { parcel_id: String(parcel.id), parcel_number: parcel.number, parcel_charge: overrides.charge ?? 'parcel' },
    },
    eventId,
  );
}
