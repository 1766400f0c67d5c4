import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { databaseFor } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { refundDestinations, type RefundDestination } from '@/db/schema/refunds';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { issueRefund } from '@/lib/payments/refund';
import { refundRefusalOf } from '@/lib/payments/refund-refusal';
import { getRedis } from '@/lib/redis';
import { CliError, usage } from '../errors';
import type { Command } from './index';

export const refund: Command = {
  name: 'refund',
  description:
    'Refund an order: --order <number> [--amount-minor N] --to wallet|original --reason <text>; N in the order\'s charge currency, without it everything still refundable; prints {"refundId","amount":{"amountMinor","currency"},"to"}',
  options: { order: { type: 'string' }, 'amount-minor': { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } },
  async run(values) {
    const number = typeof values.order === 'string' ? values.order.trim() : '';
    if (!number) usage('refund: --order <orderNumber> is required');
    const to = values.to;
    if (typeof to !== 'string' || !(refundDestinations as readonly string[]).includes(to)) usage('refund: --to must be wallet or original');
    const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
    if (!reason) usage('refund: --reason <text> is required');
    const rawAmount = values['amount-minor'];
    let amountMinor: number | undefined;
    if (rawAmount !== undefined) {
      if (typeof rawAmount !== 'string' || !/^\d{1,15}$/.test(rawAmount.trim()) || Number(rawAmount) < 1) usage('refund: --amount-minor must be a positive whole number of minor units');
      amountMinor = Number(rawAmount);
    }
    const env = getEnv();
    const db = databaseFor(env.DATABASE_URL);
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, number)).limit(1);
    if (!order) throw new CliError(`refund: order_not_found: no order ${number}`);
    try {
      const issued = await issueRefund(db, getRedis(), {
        orderId: order.id,
        amountMinor,
        to: to as RefundDestination,
        reason,
        idempotencyKey: `cli:${randomUUID()}`,
        actor: { type: 'cli', label: 'ferry refund' },
      });
      return { refundId: issued.refundId, amount: { amountMinor: issued.amountMinor, currency: issued.currency }, to: issued.to };
    } catch (error) {
      // One line naming the reason (a machine word) and, where it applies, what is still refundable.
      if (isAppError(error)) throw new CliError(`refund: ${refundRefusalOf(error)?.reason ?? error.code}: ${error.message}`);
      throw error;
    }
  },
};
