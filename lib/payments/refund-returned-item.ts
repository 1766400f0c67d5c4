import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { paymentLedger } from '@/db/schema/payments';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { moveItem } from '@/lib/warehouse/item-machine';
import { itemRefundMinor } from '@/lib/warehouse/returns/item-refund';
import { gatewayNamed, type GatewayDeps } from './registry';

export type ItemRefund = { gateway: string; paymentId: string; amountMinor: number; currency: string; refundId: string };

/**
 * Money back for an item the seller took back (`returned → refunded`): the item's share of what
 * was charged — its unit price × quantity in CNY at the order's pinned rate, never more than is
 * still refundable of the order's charge — through the order's gateway's refund API. The ledger
 * records it when the gateway's `charge.refunded` webhook arrives (as for every refund).
 *
 * Exactly once however often the button fires: the item row is locked first and read as
 * `returned`; the gateway is asked with an idempotency key naming the payment and the item; the move commits in the
 * same transaction. A second click waits for the first's lock and then finds the item refunded
 * (`isAlready`); a refusal by the gateway rolls everything back so staff can try again; a crash
 * between the gateway and the commit is answered by the gateway's own idempotency on retry.
 * Cash-on-delivery orders have no card charge: the item moves with nothing to return.
 */
export async function refundReturnedItem(db: Database, input: { itemId: number; actor: Actor; expectedVersion?: number }, deps: GatewayDeps = {}): Promise<{ refund: ItemRefund | null; isAlready: boolean }> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: orderItems.id, status: orderItems.fulfilmentStatus, version: orderItems.fulfilmentVersion, orderId: orderItems.orderId, quantity: orderItems.quantity, unitPriceCnyMinor: orderItems.unitPriceCnyMinor })
      .from(orderItems)
      .where(eq(orderItems.id, input.itemId))
      .for('update');
    if (!item) throw new AppError('not_found', 'Item not found');
    if (item.status === 'refunded') return { refund: null, isAlready: true };
    if (item.status !== 'returned' || (input.expectedVersion !== undefined && item.version !== input.expectedVersion)) {
      throw new AppError('invalid_transition', 'Only an item the seller took back can be refunded here; reload the list');
    }
    const [order] = await tx.select({ gateway: orders.gateway, gatewayPaymentId: orders.gatewayPaymentId, chargeCurrency: orders.chargeCurrency, chargeRate: orders.chargeRate }).from(orders).where(eq(orders.id, item.orderId));
    const ledger = await tx
      .select({ gateway: paymentLedger.gateway, transactionId: paymentLedger.transactionId, kind: paymentLedger.kind, amountMinor: paymentLedger.amountMinor, currency: paymentLedger.currency })
      .from(paymentLedger)
      .where(and(eq(paymentLedger.orderId, item.orderId), eq(paymentLedger.status, 'recorded')));
    const charge = ledger.find((row) => row.kind === 'charge' && row.transactionId === order!.gatewayPaymentId);
    let refund: ItemRefund | null = null;
    if (charge) {
      const alreadyRefunded = ledger.filter((row) => row.kind === 'refund' && row.currency === charge.currency).reduce((total, row) => total + row.amountMinor, 0);
      const amountMinor = itemRefundMinor(item, order!, charge.amountMinor - alreadyRefunded);
      if (amountMinor > 0) {
        const gateway = gatewayNamed(charge.gateway, deps);
        if (!gateway) throw new AppError('payment_unavailable', `The ${charge.gateway} gateway is not configured here: refund this payment in its dashboard`);
        let refundId: string;
        try {
          ({ refundId } = await gateway.refund(charge.transactionId, amountMinor, { idempotencyKey: `ferry-item-refund-${charge.transactionId}-${item.id}` }));
        } catch (error) {
          console.error(`[returns] refund of item ${item.id} (${charge.gateway} ${charge.transactionId}) failed:`, (error as Error).message);
          throw new AppError('payment_unavailable', 'The payment gateway did not accept the refund. Nothing was changed; try again later.');
        }
        refund = { gateway: charge.gateway, paymentId: charge.transactionId, amountMinor, currency: charge.currency, refundId };
        await recordAudit(tx, input.actor, 'payment.refund_requested', { type: 'order', id: item.orderId }, { ...refund, orderItemId: item.id });
      }
    }
    const moved = await moveItem(tx, {
      id: item.id,
      from: 'returned',
      to: 'refunded',
      actor: input.actor,
      payload: { orderId: item.orderId, itemId: item.id, ...(refund ? { refund } : {}) },
    });
    // Cannot lose: the row is locked and was `returned`.
    if (!moved) throw new Error(`item ${item.id} changed under its lock`);
    return { refund, isAlready: false };
  });
}
