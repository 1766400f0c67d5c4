'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { orderStatuses } from '@/db/schema/orders';
import { refundDestinations } from '@/db/schema/refunds';
import { action } from '@/lib/actions';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { moveOrderByHand } from '@/lib/admin/move-order-by-hand';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { manualTransitionPermission } from '@/lib/orders/transitions';
import { describeRefundRefusal } from '@/lib/admin/describe-refund-refusal';
import { issueRefund } from '@/lib/payments/refund';
import { getRedis } from '@/lib/redis';

const transitionInput = z.object({
  locale: z.enum(locales),
  number: z.string().regex(orderNumberPattern),
  orderId: z.coerce.number().int().positive(),
  from: z.enum(orderStatuses),
  to: z.enum(orderStatuses),
  /** The order version the page showed: a changed order refuses the button (compare-and-set). */
  version: z.coerce.number().int().min(0),
  reason: z.string().trim().max(500).optional(),
});

/**
 * A transition button on the order page. The permission checked is the transition's own (from
 * the state machine table), never one the form names; lib/orders decides how the move is made
 * (a refund goes through the gateway first).
 */
export const transitionOrderAction = action({
  name: 'order transition',
  input: transitionInput,
  auth: { permission: ({ from, to }) => manualTransitionPermission(from, to) },
  run: ({ orderId, from, to, version, reason }, { user }) =>
    moveOrderByHand(getDb(), getRedis(), { orderId, from, to, actor: userActor(user), reason: reason || undefined, expectedVersion: version }),
  revalidate: ({ locale, number }) => {
    revalidatePath(`/${locale}/admin/orders/${number}`);
    revalidatePath(`/${locale}/admin/orders`);
  },
});

const refundInput = z
  .object({
    locale: z.enum(locales),
    number: z.string().regex(orderNumberPattern),
    orderId: z.coerce.number().int().positive(),
    mode: z.enum(['items', 'amount']),
    itemIds: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.coerce.number().int().positive()).max(500)),
    /** Empty: everything still refundable. */
    amountMinor: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().positive().optional()),
    to: z.enum(refundDestinations),
    reason: z.string().trim().min(1).max(500),
    /** Drawn when the page rendered: a double click or a resubmitted form is the same refund. */
    key: z.string().uuid(),
  })
  .refine((input) => input.mode !== 'items' || input.itemIds.length > 0, { path: ['itemIds'] });

/**
 * The refund form on the order page: finance and admin only (`orders:refund`); lib/payments decides
 * the rest, and a refusal is worded with its reason and amounts (`describeRefundRefusal`).
 */
export const issueRefundAction = action({
  name: 'order refund',
  input: refundInput,
  auth: { permission: 'orders:refund' },
  run: ({ orderId, mode, itemIds, amountMinor, to, reason, key }, { user }) =>
    issueRefund(getDb(), getRedis(), {
      orderId,
      to,
      reason,
      idempotencyKey: `admin:${key}`,
      actor: userActor(user),
      ...(mode === 'items' ? { itemIds } : { amountMinor }),
    }),
  describe: describeRefundRefusal,
  revalidate: ({ locale, number }) => {
    revalidatePath(`/${locale}/admin/orders/${number}`);
    revalidatePath(`/${locale}/admin/orders`);
  },
});
