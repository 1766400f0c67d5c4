import { readGoods, type ShippingGood } from '@/lib/shipping/goods';

export type StoredProductGoods = { goodsDetected: unknown; goodsOverride: unknown };

/** A product's goods: what staff set, else what the classifier read, else none. */
export function productGoods(row: StoredProductGoods): ShippingGood[] {
  return readGoods(row.goodsOverride) ?? readGoods(row.goodsDetected) ?? [];
}

/** An ordered item's goods: what the warehouse marked on it, else its product's. */
export function itemGoods(itemGoodsColumn: unknown, product: StoredProductGoods): ShippingGood[] {
  return readGoods(itemGoodsColumn) ?? productGoods(product);
}
