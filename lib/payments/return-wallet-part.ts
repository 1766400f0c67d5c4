import 'server-only';
import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { refunds } from '@/db/schema/refunds';
import { systemActor } from '@/lib/audit/actor';
import type { Subscriber } from '@/lib/events/subscriber';
import { cnyEquivalent } from './refund-amounts';
import { creditWallet } from '@/lib/wallet/entries';
import { recordWalletLedger } from '@/lib/wallet/ledger';

/**
 * An unpaid order cancelled (by the shopper, by staff, or when its payment window ran out) after its
 * balance paid part of it: that part goes back to the balance, in the order's currency. Once: the
 * refund row is keyed by the order (`wallet-release:<id>`), inserted first in the same transaction as
 * the credit, so a relay retry or a second delivery finds it and moves nothing.
 */
export const walletPartReturns: Subscriber = {
  name: 'wallet-part-returned-on-cancel',
  types: ['order.cancelled'],
  async handle(event, { db }) {
    const orderId = event.orderId ?? event.subjectId;
    await db.transaction(async (tx) => {
      const [order] = await tx
        .select({ id: orders.id, number: orders.number, status: orders.status, userId: orders.userId, walletPaidMinor: orders.walletPaidMinor, chargeCurrency: orders.chargeCurrency, chargeRate: orders.chargeRate })
        .from(orders)
        .where(eq(orders.id, orderId))
        .for('update');
      if (!order || order.status !== 'cancelled' || order.walletPaidMinor <= 0 || order.userId === null) return;
      const [claimed] = await tx
        .insert(refunds)
        .ignore()
        .values({
          orderId: order.id,
          items: null,
          amountMinor: order.walletPaidMinor,
          currency: order.chargeCurrency,
          amountCnyMinor: cnyEquivalent(order.walletPaidMinor, order),
          rate: order.chargeRate,
          destination: 'wallet',
          reason: 'order cancelled before it was paid: the part paid from the balance goes back',
          status: 'succeeded',
          gateway: 'wallet',
          idempotencyKey: `wallet-release:${order.id}`,
          actorType: 'system',
          actorId: null,
          completedAt: new Date(),
        });
      if (claimed.affectedRows !== 1) return;
      const source = `refund:${claimed.insertId}`;
      const actor = systemActor('wallet-release');
      await creditWallet(tx, 'refund', { userId: order.userId, currency: order.chargeCurrency, amountMinor: order.walletPaidMinor, source, note: order.number, actor });
      await recordWalletLedger(tx, { orderId: order.id, userId: order.userId, kind: 'refund', source, amountMinor: order.walletPaidMinor, currency: order.chargeCurrency });
    });
  },
};
