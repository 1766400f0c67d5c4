'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { orderNumberPattern } from '@/lib/orders/order-number';
import { orderPaths } from '@/lib/orders/paths';
import { declinePriceDifference } from '@/lib/purchasing/decline-price-difference';
import { startDifferencePayment } from '@/lib/purchasing/start-difference-payment';
import { getRedis } from '@/lib/redis';

const input = z.object({ locale: z.enum(locales), number: z.string().regex(orderNumberPattern), differenceId: z.coerce.number().int().positive() });

/** Back to the order page with a notice the page words (`?difference=…`). */
function backTo(locale: string, number: string, notice: string): never {
  redirect(`${orderPaths.order(locale, number)}?difference=${notice}`);
}

function failure(error: unknown): string {
  if (isAppError(error)) return error.code === 'invalid_transition' || error.code === 'not_found' ? 'settled' : 'error';
  console.error('[orders] price difference action failed:', error);
  return 'error';
}

/** "Pay the difference": the gateway's pay page for the request (the owner only; checked in the lib call). */
export async function payDifferenceAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { locale, number, differenceId } = parsed.data;
  const user = await requireUser();
  let url: string;
  try {
    const env = getEnv();
    url = await startDifferencePayment(getDb(), env, { userId: user.id, differenceId, returnUrl: `${env.SITE_URL.replace(/\/$/, '')}${orderPaths.order(locale, number)}` });
  } catch (error) {
    backTo(locale, number, failure(error));
  }
  redirect(url);
}

/** "Cancel these items": the lines are cancelled and their price refunded at the order's pinned rate. */
export async function declineDifferenceAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { locale, number, differenceId } = parsed.data;
  const user = await requireUser();
  let notice = 'declined';
  try {
    await declinePriceDifference(getDb(), getRedis(), getEnv(), { differenceId, userId: user.id }, { type: 'user', id: user.id, label: user.email });
  } catch (error) {
    notice = failure(error);
  }
  revalidatePath(orderPaths.order(locale, number));
  backTo(locale, number, notice);
}
