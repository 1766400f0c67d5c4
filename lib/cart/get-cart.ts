import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts } from '@/db/schema/carts';
import { products, sellers, skus } from '@/db/schema/catalog';
import { productGoods } from '@/lib/catalog/goods/product-goods';
import { englishText, localText, pickTitle, translationJoins } from '@/lib/catalog/queries/localized-text';
import { findCartId, ownedBy } from './cart-row';
import { summarizeCart } from './group-lines';
import type { Cart, CartLine, CartOwner } from './types';

// The SKU's own photo when it has one, else the product's first ready image.
const imageKey = sql<string | null>`(select i.storage_key from product_images i
  where i.product_id = ${products.id} and i.status = 'ready'
  order by (i.position <=> ${skus.imagePosition}) desc, i.position limit 1)`;

/**
 * The owner's cart with everything the cart and checkout pages show, in one query: each line joined
 * with its SKU, product, seller, title in `locale` (else English, else Chinese), spec translations,
 * photo and sellable stock; grouped by seller. No cart yet → an empty cart.
 */
export async function getCart(db: Database, owner: CartOwner, locale: string): Promise<Cart> {
  const joins = translationJoins(locale);
  const rows = await db
    .select({
      cartId: carts.id,
      id: cartLines.id,
      skuId: skus.id,
      quantity: cartLines.quantity,
      remark: cartLines.remark,
      attributesZh: skus.attributes,
      unitPriceCny: skus.priceMinor,
      sellable: sql<number>`greatest(${skus.stock} - ${skus.reserved}, 0)`.mapWith(Number),
      productId: products.id,
      slug: products.slug,
      titleZh: products.titleZh,
      isActive: products.isActive,
      domesticShippingCny: products.domesticShippingMinor,
      weightGrams: products.weightGrams,
      goodsDetected: products.goodsDetected,
      goodsOverride: products.goodsOverride,
      sellerId: sellers.id,
      sellerNameZh: sellers.name,
      sellerNameEn: sellers.nameEn,
      localTitle: localText.title,
      localAttributes: localText.attributes,
      enTitle: englishText.title,
      enAttributes: englishText.attributes,
      imageKey,
    })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .innerJoin(skus, eq(skus.id, cartLines.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .leftJoin(...joins.local)
    .leftJoin(...joins.english)
    .where(ownedBy(owner))
    .orderBy(asc(cartLines.id));

  if (rows.length === 0) return summarizeCart(await findCartId(db, owner), []);
  const lines = rows.map((row): CartLine => {
    const names = { ...(row.enAttributes ?? {}), ...(row.localAttributes ?? {}) };
    return {
      id: row.id,
      skuId: row.skuId,
      productId: row.productId,
      slug: row.slug,
      ...pickTitle(row.localTitle, row.enTitle, row.titleZh, locale),
      attributes: row.attributesZh.map((a) => ({ name: names[a.name] ?? a.name, value: names[a.value] ?? a.value })),
      imageKey: row.imageKey,
      unitPriceCny: row.unitPriceCny,
      quantity: row.quantity,
      remark: row.remark,
      sellable: row.sellable,
      isActive: row.isActive === 1,
      sellerId: row.sellerId,
      // Chinese shoppers read the seller's own name; everyone else its English name where known.
      sellerName: locale === 'zh-CN' ? row.sellerNameZh : (row.sellerNameEn ?? row.sellerNameZh),
      domesticShippingCny: row.domesticShippingCny,
      weightGrams: row.weightGrams,
      goods: productGoods(row),
    };
  });
  return summarizeCart(rows[0]!.cartId, lines);
}
