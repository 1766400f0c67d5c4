import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts } from '@/db/schema/carts';
import { ownedBy } from './cart-row';
import type { CartOwner } from './types';

/** Units in the owner's cart (the header badge): one indexed query, no joins to the catalog. */
export async function countCartItems(db: Database, owner: CartOwner): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)`.mapWith(Number) })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(ownedBy(owner));
  return row?.n ?? 0;
}
