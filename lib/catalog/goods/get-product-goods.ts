import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { categories, products } from '@/db/schema/catalog';
import { readGoods, type ShippingGood } from '@/lib/shipping/goods';
import { productGoods } from './product-goods';

export type ProductGoodsView = {
  id: number;
  titleZh: string;
  slug: string;
  categorySlug: string;
  isActive: boolean;
  /** What the import's classifier read (null: not classified yet). */
  detected: ShippingGood[] | null;
  /** What staff set (null: the classifier's stands). */
  override: ShippingGood[] | null;
  goods: ShippingGood[];
};

/** A product's goods as the staff screen shows them: where they come from, and what quotes use. */
export async function getProductGoods(db: Database, productId: number): Promise<ProductGoodsView | null> {
  const [row] = await db
    .select({ id: products.id, titleZh: products.titleZh, slug: products.slug, categorySlug: categories.slug, isActive: products.isActive, goodsDetected: products.goodsDetected, goodsOverride: products.goodsOverride })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.id, productId));
  if (!row) return null;
  const { goodsDetected, goodsOverride, isActive, ...rest } = row;
  return { ...rest, isActive: isActive === 1, detected: readGoods(goodsDetected), override: readGoods(goodsOverride), goods: productGoods(row) };
}
