import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { carts } from '@/db/schema/carts';
import { products, skus } from '@/db/schema/catalog';
import type { CartOwner } from './types';

/** A database handle or an open transaction: both run the same queries. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** The WHERE clause that scopes a cart to its owner: every cart read and write goes through it. */
export function ownedBy(owner: CartOwner): SQL {
  return owner.kind === 'user' ? eq(carts.userId, owner.userId) : eq(carts.guestToken, owner.guestToken);
}

export async function findCartId(db: Executor, owner: CartOwner): Promise<number | null> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(ownedBy(owner)).limit(1);
  return row?.id ?? null;
}

/**
 * The owner's cart, created on first use and locked for the rest of the transaction, so two writes
 * to one cart (two tabs, a double click) run one after the other. The unique indexes on user_id and
 * guest_token make the create race-free.
 */
export async function lockCart(tx: Executor, owner: CartOwner): Promise<number> {
  const now = new Date();
  await tx
    .insert(carts)
    .values(owner.kind === 'user' ? { userId: owner.userId, createdAt: now, updatedAt: now } : { guestToken: owner.guestToken, createdAt: now, updatedAt: now })
    .onDuplicateKeyUpdate({ set: { updatedAt: now } });
  const [row] = await tx.select({ id: carts.id }).from(carts).where(ownedBy(owner)).for('update');
  if (!row) throw new Error('The cart just written cannot be read back');
  return row.id;
}

/** Sellable units (stock − reserved, at least 0) of the given SKUs; inactive products and unknown SKUs are absent. */
export async function sellableBySku(db: Executor, skuIds: readonly number[]): Promise<Map<number, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await db
    .select({ id: skus.id, sellable: sql<number>`greatest(${skus.stock} - ${skus.reserved}, 0)`.mapWith(Number) })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(inArray(skus.id, [...skuIds]), eq(products.isActive, 1)));
  return new Map(rows.map((row) => [row.id, row.sellable]));
}
