import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { priceDifferences } from '@/db/schema/purchasing';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { GatewayDeps } from './registry';
import { startLinkedPayment } from './start-linked-payment';

export type DifferencePaymentDeps = GatewayDeps;

/**
 * "Pay the difference": a gateway payment for the request's `charge_minor` in the order's currency,
 * carrying `order_number` and `price_difference_id` in its metadata (the webhook credits the
 * request with it). Created once per request (the gateway's idempotency key and the stored payment
 * id); only the order's owner may start it, and only while the request is open. Cash-on-delivery
 * orders pay a difference by card (PAYMENT_GATEWAY): it cannot wait for the parcel.
 */
export async function startDifferencePayment(
  db: Database,
  env: Env,
  input: { userId: number; differenceId: number; returnUrl: string },
  deps: DifferencePaymentDeps = {},
): Promise<string> {
  const [row] = await db
    .select({
      id: priceDifferences.id,
      status: priceDifferences.status,
      chargeMinor: priceDifferences.chargeMinor,
      chargeCurrency: priceDifferences.chargeCurrency,
      gatewayPaymentId: priceDifferences.gatewayPaymentId,
      number: orders.number,
      gateway: orders.gateway,
    })
    .from(priceDifferences)
    .innerJoin(orders, eq(orders.id, priceDifferences.orderId))
    .where(and(eq(priceDifferences.id, input.differenceId), eq(orders.userId, input.userId)));
  if (!row) throw new AppError('not_found', 'Price difference not found');
  if (row.status !== 'open') throw new AppError('invalid_transition', 'This price difference has already been settled');
  const remember = (paymentId: string) => db.update(priceDifferences).set({ gatewayPaymentId: paymentId }).where(and(eq(priceDifferences.id, row.id), isNull(priceDifferences.gatewayPaymentId)));
  return startLinkedPayment(env, row, { priceDifferenceId: row.id }, input.returnUrl, remember, deps);
}
