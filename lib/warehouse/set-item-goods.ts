import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products } from '@/db/schema/catalog';
import { orderItems, type FulfilmentStatus } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { itemGoods } from '@/lib/catalog/goods/product-goods';
import { AppError } from '@/lib/errors';
import { normalizeGoods, readGoods, type ShippingGood } from '@/lib/shipping/goods';

/** Where the warehouse may still say what an item is: on the shelf, before it goes into a parcel. */
export const goodsEditableStatuses: readonly FulfilmentStatus[] = ['in_warehouse', 'accepted', 'return_requested'];

export type SetItemGoodsInput = {
  itemId: number;
  /** What the warehouse found (possibly nothing), or null to go back to the product's flags. */
  goods: readonly ShippingGood[] | null;
};

/**
 * The warehouse marks what an item is, having held it (the earbuds' listing did not say they have a
 * battery). Only while the item is on the shelf: a parcel's goods are fixed when it is made, so an
 * item already in one is `invalid_transition` (409). The item is locked, the change audited with before and after.
 */
export async function setItemGoods(db: Database, input: SetItemGoodsInput, actor: Actor): Promise<{ itemId: number; goods: ShippingGood[]; isMarked: boolean }> {
  if (!Number.isSafeInteger(input.itemId) || input.itemId <= 0) throw new AppError('validation_failed', 'An item id is a positive integer');
  const marked = input.goods === null ? null : normalizeGoods(input.goods);
  if (marked && marked.length !== new Set(input.goods).size) throw new AppError('validation_failed', 'Unknown goods', { field: 'goods' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ orderId: orderItems.orderId, status: orderItems.fulfilmentStatus, goods: orderItems.goods, goodsDetected: products.goodsDetected, goodsOverride: products.goodsOverride })
      .from(orderItems)
      .innerJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.id, input.itemId))
      .for('update');
    if (!row) throw new AppError('not_found', `Item ${input.itemId} does not exist`);
    // The row is locked: its status cannot move under us between this check and the write.
    if (!goodsEditableStatuses.includes(row.status)) throw new AppError('invalid_transition', 'This item is not on the shelf any more (it is in a parcel, shipped or gone): its goods can no longer change');
    await tx.update(orderItems).set({ goods: marked }).where(eq(orderItems.id, input.itemId));
    const before = itemGoods(row.goods, row);
    const after = itemGoods(marked, row);
    await recordAudit(tx, actor, 'item.goods_set', { type: 'order_item', id: input.itemId }, { orderId: row.orderId, from: before, to: after, marked, previouslyMarked: readGoods(row.goods) });
    return { itemId: input.itemId, goods: after, isMarked: marked !== null };
  });
}
