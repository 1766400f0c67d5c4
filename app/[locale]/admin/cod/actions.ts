'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { confirmCodOrder, NOTE_MAX, REJECT_REASON_MIN, rejectCodOrder } from '@/lib/orders/cod/decide-cod-order';
import { findTransition } from '@/lib/orders/transitions';
import { getRedis } from '@/lib/redis';

const decision = {
  locale: z.enum(locales),
  orderId: z.coerce.number().int().positive(),
  /** The order version the queue showed (compare-and-set). */
  version: z.coerce.number().int().min(0),
};
const confirmInput = z.object({ ...decision, note: z.string().trim().max(NOTE_MAX).optional() });
const rejectInput = z.object({ ...decision, reason: z.string().trim().min(REJECT_REASON_MIN).max(NOTE_MAX) });

/** The queue's "Confirm": pending → confirmed (permission of that transition: orders:confirm_cod). */
export async function confirmCodOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const parsed = confirmInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', 'Invalid confirmation', { fields: ['note'] });
    const { locale, orderId, version, note } = parsed.data;
    const user = await requirePermission(findTransition('pending', 'confirmed')!.permission!);
    await confirmCodOrder(getDb(), getRedis(), { orderId, expectedVersion: version, note, actor: { type: 'user', id: user.id, label: user.email } });
    revalidate(locale);
    return actionOk(undefined);
  } catch (error) {
    return actionError(error, 'cash-on-delivery confirm');
  }
}

/**
 * The queue's "Reject": pending → cancelled with a reason. Staff need the queue's permission and
 * the cancel transition's own (both are customer service's and the admin's).
 */
export async function rejectCodOrderAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const parsed = rejectInput.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw new AppError('validation_failed', `A reason of ${REJECT_REASON_MIN} to ${NOTE_MAX} characters is required`, { fields: ['reason'] });
    const { locale, orderId, version, reason } = parsed.data;
    const user = await requirePermission('orders:confirm_cod');
    if (!can(user.role, findTransition('pending', 'cancelled')!.permission!)) throw new AppError('forbidden', 'You do not have access to this');
    await rejectCodOrder(getDb(), getRedis(), { orderId, expectedVersion: version, note: reason, actor: { type: 'user', id: user.id, label: user.email } });
    revalidate(locale);
    return actionOk(undefined);
  } catch (error) {
    return actionError(error, 'cash-on-delivery reject');
  }
}

function revalidate(locale: string): void {
  revalidatePath(adminPaths.codQueue(locale));
  revalidatePath(adminPaths.orders(locale));
}
