import 'server-only';
import type { Redis } from '@upstash/redis';
import { eq, sql } from 'drizzle-orm';
import { databaseName, type Database } from '@/db/client';
import { products, skus } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/actor';
import { invalidateCounters } from './redis-stock';

/**
 * Sets a SKU's shadow stock (staff correction, `ferry stock set`). Units withheld by open orders
 * stay withheld, so sellable becomes `quantity − reserved` (never below zero). The Redis counter is
 * dropped and reloads from the database on the next reservation.
 */
export async function setStock(db: Database, redis: Redis | null, skuId: number, quantity: number, actor: Actor) {
  if (!Number.isSafeInteger(skuId) || skuId <= 0) throw new AppError('validation_failed', 'A SKU id is a positive integer');
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > 10_000_000) {
    throw new AppError('validation_failed', 'Quantity must be a whole number from 0 to 10,000,000');
  }
  const result = await db.transaction(async (tx) => {
    const [sku] = await tx.select({ productId: skus.productId, stock: skus.stock, reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId)).for('update');
    if (!sku) throw new AppError('not_found', `SKU ${skuId} does not exist`);
    await tx.update(skus).set({ stock: quantity }).where(eq(skus.id, skuId));
    await tx
      .update(products)
      .set({ stockTotal: sql`(select coalesce(sum(${skus.stock}), 0) from ${skus} where ${skus.productId} = ${sku.productId})` })
      .where(eq(products.id, sku.productId));
    await recordAudit(tx, actor, 'stock.set', { type: 'sku', id: skuId }, { from: sku.stock, to: quantity, reserved: sku.reserved });
    return { skuId, productId: sku.productId, stock: quantity, reserved: sku.reserved, sellable: Math.max(0, quantity - sku.reserved) };
  });
  if (redis) {
    await invalidateCounters(redis, databaseName(db), [skuId]).catch((error: Error) =>
      console.warn(`[inventory] stock counter of SKU ${skuId} not reset (${error.message}); it reloads within the hour`),
    );
  }
  return result;
}
