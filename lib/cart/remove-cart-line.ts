import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts } from '@/db/schema/carts';
import { AppError } from '@/lib/errors';
import { ownedBy } from './cart-row';
import type { CartOwner } from './types';

/** Removes one of the owner's cart lines; a line of another cart (or one already gone) is AppError('not_found'). */
export async function removeCartLine(db: Database, owner: CartOwner, lineId: number): Promise<void> {
  const [result] = await db
    .delete(cartLines)
    .where(and(eq(cartLines.id, lineId), inArray(cartLines.cartId, db.select({ id: carts.id }).from(carts).where(ownedBy(owner)))));
  if (result.affectedRows === 0) throw new AppError('not_found', 'This cart line does not exist');
}
