'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { userActor } from '@/lib/audit/actor';
import { confirmCodOrder, NOTE_MAX, REJECT_REASON_MIN, rejectCodOrder } from '@/lib/orders/cod/decide-cod-order';
import { findTransition } from '@/lib/orders/transitions';
import { getRedis } from '@/lib/redis';

const decision = {
  locale: z.enum(locales),
  orderId: z.coerce.number().int().positive(),
  /** The order version the queue showed (compare-and-set). */
  version: z.coerce.number().int().min(0),
};

function revalidate({ locale }: { locale: string }): void {
  revalidatePath(adminPaths.codQueue(locale));
  revalidatePath(adminPaths.orders(locale));
}

/** The queue's "Confirm": pending → confirmed (permission of that transition: orders:confirm_cod). */
export const confirmCodOrderAction = action({
  name: 'cash-on-delivery confirm',
  input: z.object({ ...decision, note: z.string().trim().max(NOTE_MAX).optional() }),
  auth: { permission: findTransition('pending', 'confirmed')!.permission! },
  run: ({ orderId, version, note }, { user }) => confirmCodOrder(getDb(), getRedis(), { orderId, expectedVersion: version, note, actor: userActor(user) }),
  revalidate,
});

/**
 * The queue's "Reject": pending → cancelled with a reason. Staff need the queue's permission and
 * the cancel transition's own (both are customer service's and the admin's).
 */
export const rejectCodOrderAction = action({
  name: 'cash-on-delivery reject',
  input: z.object({ ...decision, reason: z.string().trim().min(REJECT_REASON_MIN, 'reasonRequired').max(NOTE_MAX, 'reasonRequired') }),
  auth: { permission: 'orders:confirm_cod' },
  run: async ({ orderId, version, reason }, { user }) => {
    if (!can(user.role, findTransition('pending', 'cancelled')!.permission!)) throw new AppError('forbidden', 'You do not have access to this');
    await rejectCodOrder(getDb(), getRedis(), { orderId, expectedVersion: version, note: reason, actor: userActor(user) });
  },
  revalidate,
});
