'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { orderStatuses } from '@/db/schema/orders';
import { action } from '@/lib/actions';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { moveOrderByHand } from '@/lib/admin/move-order-by-hand';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { manualTransitionPermission } from '@/lib/orders/transitions';
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
