import { char, decimal, index, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, minor, ref, timestamps } from './columns';

export const refundDestinations = ['original', 'wallet'] as const;
export type RefundDestination = (typeof refundDestinations)[number];

export const refundStatuses = ['requested', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

/**
 * What became of a refunded item upstream, so nothing is silently both paid to the seller and
 * returned to the shopper: `not_bought` (its held stock went back), `cancelled_upstream` (the 1688
 * order was cancelled before shipment), `staff_review` (bought, not shipped, but its purchase order
 * holds other lines: 1688 cannot cancel part of an order), `return_to_seller` / `agent_stock`
 * (already shipped: it goes back to the seller or stays as the agent's stock).
 */
export const refundDispositions = ['not_bought', 'cancelled_upstream', 'staff_review', 'return_to_seller', 'agent_stock'] as const;
export type RefundDisposition = (typeof refundDispositions)[number];

export type RefundItem = { orderItemId: number; amountMinor: number; disposition?: RefundDisposition };

/**
 * Every refund of an order, by items or by amount, to the card it was paid with or to the wallet.
 * Amounts are in the order's charge currency, with the CNY equivalent at the order's pinned rate.
 * `requested` counts against what is still refundable from the moment it is written (a card refund
 * is `succeeded` when the gateway's `charge.refunded` webhook confirms; a wallet refund at once),
 * `failed` does not. The idempotency key (from the staff form or the CLI) is unique: a repeated
 * click finds the first refund instead of making a second.
 */
export const refunds = mysqlTable(
  'refunds',
  {
    id: id(),
    orderId: ref('order_id').notNull(),
    items: json('items').$type<RefundItem[]>(),
    amountMinor: minor('amount_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amountCnyMinor: minor('amount_cny_minor').notNull(),
    /** The order's pinned rate the refund used (1 CNY = rate charge currency). */
    rate: decimal('rate', { precision: 24, scale: 12 }).notNull(),
    destination: mysqlEnum('destination', refundDestinations).notNull(),
    reason: varchar('reason', { length: 500 }).notNull(),
    status: mysqlEnum('status', refundStatuses).notNull().default('requested'),
    gateway: varchar('gateway', { length: 16 }),
    gatewayRefundId: varchar('gateway_refund_id', { length: 100 }),
    idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull(),
    actorType: varchar('actor_type', { length: 16 }).notNull(),
    actorId: varchar('actor_id', { length: 64 }),
    failureReason: varchar('failure_reason', { length: 255 }),
    completedAt: at('completed_at'),
    ...timestamps,
  },
  (t) => [uniqueIndex('refunds_idempotency_uq').on(t.idempotencyKey), index('refunds_order_idx').on(t.orderId, t.createdAt)],
);
