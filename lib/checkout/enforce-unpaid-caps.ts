import 'server-only';
import { and, countDistinct, eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import { orderItems, orders } from '@/db/schema/orders';
import { partnerKeys } from '@/db/schema/partners';
import type { Executor } from '@/lib/inventory/db-stock';
import type { Customer } from './types';
import { checkUnpaidCaps, type UnpaidCaps, type UnpaidLoad } from './unpaid-caps';

/**
 * Refuses an order that would take its account (or partner key) past the unpaid caps
 * (too_many_unpaid_orders / too_many_held_units). Unpaid means `pending`: card orders awaiting
 * payment and cash-on-delivery orders awaiting staff confirmation; a confirmed one no longer counts.
 *
 * With `lock`, inside placeOrder's transaction, it first locks the owner's row (`SELECT … FOR
 * UPDATE` on users or partner_keys), so one owner's checkouts pass this point one at a time: the
 * second of two concurrent checkouts at the cap waits, then counts the first one's order and is
 * refused. The lock must be the transaction's first read: InnoDB's REPEATABLE READ snapshot starts
 * at the first plain read, which then comes after the lock and sees what the previous holder
 * committed. Chosen over a Redis counter because the orders table stays the only truth — expiry,
 * payment, cancellation and confirmation change the count with no counter to keep in step — and it
 * holds when Redis is down. Without `lock` it is the cheap early refusal before stock is held.
 */
export async function enforceUnpaidCaps(tx: Executor, customer: Customer, units: number, caps: UnpaidCaps, options: { lock?: boolean } = {}): Promise<void> {
  if (options.lock) await lockOwner(tx, customer);
  const refusal = checkUnpaidCaps(await unpaidLoad(tx, customer), units, caps);
  if (refusal) throw refusal;
}

async function lockOwner(tx: Executor, customer: Customer): Promise<void> {
  if (customer.type === 'user') await tx.select({ id: users.id }).from(users).where(eq(users.id, customer.userId)).for('update');
  else await tx.select({ id: partnerKeys.id }).from(partnerKeys).where(eq(partnerKeys.id, customer.partnerKeyId)).for('update');
}

/** The owner's pending orders and the units on them. */
export async function unpaidLoad(db: Executor, customer: Customer): Promise<UnpaidLoad> {
  const owner = customer.type === 'user' ? eq(orders.userId, customer.userId) : eq(orders.partnerKeyId, customer.partnerKeyId);
  const [row] = await db
    .select({ orders: countDistinct(orders.id), units: sql<string | number | null>`sum(${orderItems.quantity})` })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(owner, eq(orders.status, 'pending')));
  return { orders: Number(row?.orders ?? 0), units: Number(row?.units ?? 0) };
}
