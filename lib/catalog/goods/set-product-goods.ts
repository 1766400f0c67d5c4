import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products } from '@/db/schema/catalog';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { normalizeGoods, readGoods, type ShippingGood } from '@/lib/shipping/goods';
import { productGoods } from './product-goods';

export type SetProductGoodsInput = {
  productId: number;
  /** Staff's flags (possibly none), or null to go back to what the classifier reads. */
  goods: readonly ShippingGood[] | null;
};

/**
 * Staff set a product's goods by hand (the listing hid a battery, or the classifier read "powder"
 * into something that is not): the override wins over the import's classifier until cleared, and
 * every quote of the product, and of ordered items the warehouse has not marked, follows it.
 * The row is locked, and the change audited with what it was before.
 */
export async function setProductGoods(db: Database, input: SetProductGoodsInput, actor: Actor): Promise<{ productId: number; goods: ShippingGood[]; isOverridden: boolean }> {
  if (!Number.isSafeInteger(input.productId) || input.productId <= 0) throw new AppError('validation_failed', 'A product id is a positive integer');
  const override = input.goods === null ? null : normalizeGoods(input.goods);
  if (override && override.length !== new Set(input.goods).size) throw new AppError('validation_failed', 'Unknown goods', { field: 'goods' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ goodsDetected: products.goodsDetected, goodsOverride: products.goodsOverride })
      .from(products)
      .where(eq(products.id, input.productId))
      .for('update');
    if (!row) throw new AppError('not_found', `Product ${input.productId} does not exist`);
    const before = productGoods(row);
    await tx.update(products).set({ goodsOverride: override }).where(eq(products.id, input.productId));
    const after = productGoods({ ...row, goodsOverride: override });
    await recordAudit(tx, actor, 'product.goods_set', { type: 'product', id: input.productId }, { from: before, to: after, override, detected: readGoods(row.goodsDetected), previousOverride: readGoods(row.goodsOverride) });
    return { productId: input.productId, goods: after, isOverridden: override !== null };
  });
}
