'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { orderStatuses } from '@/db/schema/orders';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { refundOrder } from '@/lib/orders/refund-order';
import { transitionOrderOrThrow } from '@/lib/orders/transition-order';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { findTransition } from '@/lib/orders/transitions';
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
 * the state machine table), never one the form names; a refund goes through the gateway first.
 */
export async function transitionOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const parsed = transitionInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'Invalid transition request');
    const { locale, number, orderId, from, to, version, reason } = parsed.data;
    const transition = findTransition(from, to);
    if (!transition?.permission) throw new AppError('invalid_transition', `An order cannot be moved from ${from} to ${to} by hand`);
    const user = await requirePermission(transition.permission);
    const request = {
      orderId,
      from,
      to,
      actor: { type: 'user' as const, id: user.id, label: user.email },
      reason: reason || undefined,
      expectedVersion: version,
    };
    if (to === 'refunded') await refundOrder(getDb(), getRedis(), request);
    else await transitionOrderOrThrow(getDb(), getRedis(), request);
    revalidatePath(`/${locale}/admin/orders/${number}`);
    revalidatePath(`/${locale}/admin/orders`);
    return actionOk(undefined);
  } catch (error) {
    return actionError(error, 'order transition');
  }
}
