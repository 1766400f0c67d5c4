import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, type SpecAttribute } from '@/db/schema/catalog';
import { orderItems, orders, type FulfilmentStatus, type ReceiptOutcome } from '@/db/schema/orders';
import { productGoods } from '@/lib/catalog/goods/product-goods';
import { readJson } from '@/lib/catalog/queries/json-column';
import { readGoods, type ShippingGood } from '@/lib/shipping/goods';
import { specValues } from '@/lib/catalog/spec-names';
import { shopperCode } from '../item-label';

/** One item as the warehouse's photo screen shows it: what it is, whose, where it is shelved, and what receiving found. */
export type PhotoItem = {
  itemId: number;
  title: string;
  options: string;
  quantity: number;
  orderNumber: string;
  shopperCode: string;
  status: FulfilmentStatus;
  bin: string | null;
  weightGrams: number | null;
  outcome: ReceiptOutcome | null;
  receivedQuantity: number | null;
  receiptNote: string | null;
  qcNote: string | null;
  productId: number;
  /** The product's goods, and what the warehouse marked on this item (null: the product's stand). */
  productGoods: ShippingGood[];
  markedGoods: ShippingGood[] | null;
};

export async function getPhotoItem(db: Database, itemId: number): Promise<PhotoItem | null> {
  const [row] = await db
    .select({
      itemId: orderItems.id,
      title: orderItems.title,
      attributes: orderItems.attributes,
      quantity: orderItems.quantity,
      orderNumber: orders.number,
      userId: orders.userId,
      partnerKeyId: orders.partnerKeyId,
      status: orderItems.fulfilmentStatus,
      bin: orderItems.storageBin,
      weightGrams: orderItems.weightGrams,
      outcome: orderItems.receiptOutcome,
      receivedQuantity: orderItems.receivedQuantity,
      receiptNote: orderItems.receiptNote,
      qcNote: orderItems.qcNote,
      productId: orderItems.productId,
      goods: orderItems.goods,
      goodsDetected: products.goodsDetected,
      goodsOverride: products.goodsOverride,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.id, itemId));
  if (!row) return null;
  const { attributes, userId, partnerKeyId, goods, goodsDetected, goodsOverride, ...item } = row;
  return {
    ...item,
    options: specValues(readJson<SpecAttribute[]>(attributes, [])),
    shopperCode: shopperCode({ userId, partnerKeyId }),
    productGoods: productGoods({ goodsDetected, goodsOverride }),
    markedGoods: readGoods(goods),
  };
}
