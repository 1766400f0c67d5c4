import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cartLines, carts } from '@/db/schema/carts';
import { lockCart, sellableBySku } from './cart-row';
import { planMerge } from './quantity-rules';

export type MergeResult = { moved: number; capped: number[] };

/**
 * Sign-in: the guest cart's lines move into the user's cart (quantities of one SKU summed and capped
 * at the units sellable now, see planMerge) and the guest cart is deleted, all in one transaction.
 * The guest cart row is locked first, so a second run (a double sign-in, a retried request) finds
 * nothing and changes nothing.
 */
export async function mergeGuestCart(db: Database, input: { guestToken: string; userId: number }): Promise<MergeResult> {
  return db.transaction(async (tx) => {
    const [guest] = await tx.select({ id: carts.id, userId: carts.userId }).from(carts).where(eq(carts.guestToken, input.guestToken)).for('update');
    if (!guest || guest.userId !== null) return { moved: 0, capped: [] };

    const guestLines = await tx
      .select({ skuId: cartLines.skuId, quantity: cartLines.quantity, remark: cartLines.remark })
      .from(cartLines)
      .where(eq(cartLines.cartId, guest.id))
      .orderBy(cartLines.id);
    let moved = 0;
    let capped: number[] = [];
    if (guestLines.length > 0) {
      const userCartId = await lockCart(tx, { kind: 'user', userId: input.userId });
      const userLines = await tx
        .select({ id: cartLines.id, skuId: cartLines.skuId, quantity: cartLines.quantity, remark: cartLines.remark })
        .from(cartLines)
        .where(eq(cartLines.cartId, userCartId));
      const sellable = await sellableBySku(
        tx,
        guestLines.map((line) => line.skuId),
      );
      const plan = planMerge(userLines, guestLines, sellable);
      for (const update of plan.updates) {
        await tx.update(cartLines).set({ quantity: update.quantity, remark: update.remark }).where(eq(cartLines.id, update.id));
      }
      if (plan.inserts.length > 0) await tx.insert(cartLines).values(plan.inserts.map((line) => ({ ...line, cartId: userCartId })));
      moved = plan.updates.length + plan.inserts.length;
      capped = plan.capped;
    }
    await tx.delete(cartLines).where(eq(cartLines.cartId, guest.id));
    await tx.delete(carts).where(eq(carts.id, guest.id));
    return { moved, capped };
  });
}
