import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { refunds } from '@/db/schema/refunds';

export type OrderRefund = Pick<
  typeof refunds.$inferSelect,
  'id' | 'items' | 'amountMinor' | 'currency' | 'destination' | 'reason' | 'status' | 'gatewayRefundId' | 'failureReason' | 'actorType' | 'actorId' | 'createdAt'
>;

/** An order's refunds, oldest first, for the admin order page (with each refunded item's upstream fate). */
export function listOrderRefunds(db: Database, orderId: number): Promise<OrderRefund[]> {
  return db
    .select({
      id: refunds.id,
      items: refunds.items,
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      destination: refunds.destination,
      reason: refunds.reason,
      status: refunds.status,
      gatewayRefundId: refunds.gatewayRefundId,
      failureReason: refunds.failureReason,
      actorType: refunds.actorType,
      actorId: refunds.actorId,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.id));
}
