import 'server-only';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import type { Executor } from '@/lib/inventory/db-stock';

/**
 * Why an event may not touch this order because it came from another gateway than the order's
 * own, or null. Each gateway's webhook secret vouches only for its own payments: an event signed
 * with the sandbox's secret (published for the demo) must never pay or refund a Stripe order, nor
 * any gateway's event a cash-on-delivery order.
 */
export function foreignSourceReason(order: { gateway: string }, source: string): string | null {
  return order.gateway === source ? null : `event from the ${source} gateway for an order that pays through ${order.gateway}`;
}

/** The order a payment names (locked for the rest of the event's transaction), or null; a payment that names none (a wallet top-up) has none. */
export async function orderForPayment(tx: Executor, number: string | undefined) {
  if (number === undefined) return null;
  const [order] = await tx
    .select({ id: orders.id, status: orders.status, chargeMinor: orders.chargeMinor, walletPaidMinor: orders.walletPaidMinor, chargeCurrency: orders.chargeCurrency, gateway: orders.gateway })
    .from(orders)
    .where(eq(orders.number, number))
    .for('update');
  return order ?? null;
}
