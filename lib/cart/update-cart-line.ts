import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts } from '@/db/schema/carts';
import { AppError } from '@/lib/errors';
import { ownedBy, sellableBySku } from './cart-row';
import { assertQuantityShape, assertWithinStock, normaliseRemark } from './quantity-rules';
import type { CartOwner } from './types';

export type UpdateCartLineInput = {
  /** 0 removes the line; 1..sellable sets it; undefined leaves it. */
  quantity?: number;
  /** Empty clears it; undefined leaves it. */
  remark?: string | null;
};

const lineNotFound = () => new AppError('not_found', 'This cart line does not exist');

/**
 * Changes one of the owner's cart lines. A line of another cart (another user's, a stale id) is
 * AppError('not_found'); a quantity over the sellable units AppError('out_of_stock'); a product
 * taken off sale can only be removed.
 */
export async function updateCartLine(
  db: Database,
  owner: CartOwner,
  lineId: number,
  input: UpdateCartLineInput,
): Promise<{ removed: boolean; quantity: number }> {
  if (input.quantity !== undefined && input.quantity !== 0) assertQuantityShape(input.quantity);
  const remark = input.remark === undefined ? undefined : normaliseRemark(input.remark);
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select({ id: cartLines.id, skuId: cartLines.skuId, quantity: cartLines.quantity })
      .from(cartLines)
      .innerJoin(carts, eq(carts.id, cartLines.cartId))
      .where(and(eq(cartLines.id, lineId), ownedBy(owner)))
      .for('update');
    if (!line) throw lineNotFound();

    if (input.quantity === 0) {
      await tx.delete(cartLines).where(eq(cartLines.id, line.id));
      return { removed: true, quantity: 0 };
    }
    const quantity = input.quantity ?? line.quantity;
    if (input.quantity !== undefined) {
      const sellable = (await sellableBySku(tx, [line.skuId])).get(line.skuId);
      if (sellable === undefined) throw new AppError('not_found', 'This product is not sold any more', { skuId: line.skuId });
      assertWithinStock(quantity, sellable, line.skuId);
    }
    await tx
      .update(cartLines)
      .set({ quantity, ...(remark === undefined ? {} : { remark }) })
      .where(eq(cartLines.id, line.id));
    return { removed: false, quantity };
  });
}
