import type { TextLocale } from '@/lib/catalog/types';
import type { ShippingGood } from '@/lib/shipping/goods';

/** Whose cart: a signed-in user's, or a guest's (the token in the `ferry_cart` cookie). */
export type CartOwner = { kind: 'user'; userId: number } | { kind: 'guest'; guestToken: string };

/** placeOrder takes at most 100 lines of at most 999 units: a cart never holds more than it can buy. */
export const MAX_CART_LINES = 100;
export const MAX_LINE_QUANTITY = 999;
/** cart_lines.remark and order_items.remark are varchar(300). */
export const MAX_REMARK_LENGTH = 300;

export type CartLine = {
  id: number;
  skuId: number;
  productId: number;
  slug: string;
  title: string;
  titleLang: TextLocale;
  /** Spec names and values in the shopper's language where translated, else the Chinese original. */
  attributes: { name: string; value: string }[];
  /** Storage key of the SKU's photo (or the product's first), null while no image is ready. */
  imageKey: string | null;
  unitPriceCny: number;
  quantity: number;
  remark: string | null;
  /** Units that can be bought now: stock − reserved, never below zero. */
  sellable: number;
  /** False when the product was taken off sale after it was added. */
  isActive: boolean;
  sellerId: number;
  sellerName: string;
  domesticShippingCny: number;
  /** The product's estimated weight per unit (the catalog's estimate, for shipping estimates). */
  weightGrams: number;
  /** Goods a shipping line may refuse that the product is (the shipping estimate quotes with them). */
  goods: ShippingGood[];
};

export type SellerGroup = {
  sellerId: number;
  sellerName: string;
  lines: CartLine[];
  itemsCny: number;
  /** One parcel per seller, charged at the highest fee among its products (as priceOrder does). */
  domesticShippingCny: number;
};

export type Cart = {
  /** Null when the owner has no cart yet. */
  id: number | null;
  lines: CartLine[];
  groups: SellerGroup[];
  /** Units across all lines (the header badge). */
  itemCount: number;
  itemsCny: number;
  /** What checkout was shown (see cartSignature): a submit for another cart content is refused. */
  signature: string;
};
