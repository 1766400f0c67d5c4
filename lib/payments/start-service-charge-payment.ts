import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { serviceCharges } from '@/db/schema/warehouse';
import type { Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { GatewayDeps } from './registry';
import { startLinkedPayment } from './start-linked-payment';

/**
 * Paying a service asked after checkout (more QC photos): a gateway payment for the charge's
 * `charge_minor` in the order's currency through the order's gateway, carrying `order_number` and
 * `service_charge_id` in its metadata (the webhook credits the charge with it). One payment per
 * charge (the gateway's idempotency key and the stored payment id). The caller has checked the
 * charge belongs to its owner (requestMorePhotos); only an open charge is payable.
 * Cash-on-delivery orders pay it by card (PAYMENT_GATEWAY): photos cannot wait for the parcel.
 */
export async function startServiceChargePayment(db: Database, env: Env, input: { serviceChargeId: number; returnUrl: string }, deps: GatewayDeps = {}): Promise<string> {
  const [row] = await db
    .select({
      id: serviceCharges.id,
      status: serviceCharges.status,
      chargeMinor: serviceCharges.chargeMinor,
      chargeCurrency: serviceCharges.chargeCurrency,
      gatewayPaymentId: serviceCharges.gatewayPaymentId,
      number: orders.number,
      gateway: orders.gateway,
    })
    .from(serviceCharges)
    .innerJoin(orders, eq(orders.id, serviceCharges.orderId))
    .where(eq(serviceCharges.id, input.serviceChargeId));
  if (!row) throw new AppError('not_found', 'Charge not found');
  if (row.status !== 'open') throw new AppError('invalid_transition', 'This charge has already been settled');
  const remember = (paymentId: string) => db.update(serviceCharges).set({ gatewayPaymentId: paymentId }).where(and(eq(serviceCharges.id, row.id), isNull(serviceCharges.gatewayPaymentId)));
  return startLinkedPayment(env, row, { serviceChargeId: row.id }, input.returnUrl, remember, deps);
}
