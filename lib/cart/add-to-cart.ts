import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines } from '@/db/schema/carts';
import { AppError } from '@/lib/errors';
import { lockCart, sellableBySku } from './cart-row';
import { assertQuantityShape, assertWithinStock } from './quantity-rules';
import { MAX_CART_LINES, type CartOwner } from './types';

export type AddToCartInput = { skuId: number; quantity: number };

/**
 * Adds units of a SKU to the owner's cart (creating the cart on first use). The line's new total is
 * bounded by the units sellable now: more → AppError('out_of_stock') with what the line may hold.
 * A product taken off sale, or an unknown SKU → AppError('not_found').
 */
export async function addToCart(db: Database, owner: CartOwner, input: AddToCartInput): Promise<{ lineId: number; quantity: number }> {
  assertQuantityShape(input.quantity);
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, owner);
    const sellable = (await sellableBySku(tx, [input.skuId])).get(input.skuId);
    if (sellable === undefined) throw new AppError('not_found', 'This product is not sold any more', { skuId: input.skuId });

    const [line] = await tx
      .select({ id: cartLines.id, quantity: cartLines.quantity })
      .from(cartLines)
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.skuId, input.skuId)));
    const quantity = (line?.quantity ?? 0) + input.quantity;
    assertWithinStock(quantity, sellable, input.skuId, line?.quantity ?? 0);

    if (line) {
      await tx.update(cartLines).set({ quantity }).where(eq(cartLines.id, line.id));
      return { lineId: line.id, quantity };
    }
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(cartLines).where(eq(cartLines.cartId, cartId));
    if (n >= MAX_CART_LINES) {
      throw new AppError('conflict', `A cart holds at most ${MAX_CART_LINES} different items`, { reason: 'cart_full', limit: MAX_CART_LINES });
    }
    const [inserted] = await tx.insert(cartLines).values({ cartId, skuId: input.skuId, quantity }).$returningId();
    return { lineId: inserted!.id, quantity };
  });
}
