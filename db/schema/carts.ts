import { char, int, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { id, ref, timestamps } from './columns';

/** A cart belongs to a user or, before sign-in, to the guest token in the `ferry_cart` cookie. */
export const carts = mysqlTable(
  'carts',
  {
    id: id(),
    userId: ref('user_id'),
    guestToken: char('guest_token', { length: 32 }),
    ...timestamps,
  },
  (t) => [uniqueIndex('carts_user_uq').on(t.userId), uniqueIndex('carts_guest_uq').on(t.guestToken)],
);

export const cartLines = mysqlTable(
  'cart_lines',
  {
    id: id(),
    cartId: ref('cart_id').notNull(),
    skuId: ref('sku_id').notNull(),
    quantity: int('quantity').notNull(),
    /** The shopper's instruction to the purchaser ("if red is gone, take blue"). */
    remark: varchar('remark', { length: 300 }),
    ...timestamps,
  },
  (t) => [uniqueIndex('cart_lines_sku_uq').on(t.cartId, t.skuId)],
);
