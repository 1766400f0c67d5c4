'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, actionOk, type ActionResult } from '@/lib/admin/action-result';
import { adminPaths } from '@/lib/admin/paths';
import { requirePermission, type CurrentUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import type { Actor } from '@/lib/orders/actor';
import { buySellerGroup, type StaffPurchaseResult } from '@/lib/purchasing/buy-seller-group';
import { retryPurchaseOrder } from '@/lib/purchasing/retry-purchase-order';
import { cancelPurchaseOrder } from '@/lib/purchasing/cancel-purchase-order';
import { markPurchasedByHand, upstreamOrderIdSchema, type ManualResult } from '@/lib/purchasing/mark-purchased-by-hand';
import { getRedis } from '@/lib/redis';

const id = z.coerce.number().int().positive();
const base = z.object({ locale: z.enum(locales) });
/** The version the page showed: a purchase order that changed since refuses the button. */
const versioned = base.extend({ purchaseOrderId: id, version: z.coerce.number().int().min(0) });

function parse<T extends z.ZodType>(schema: T, formData: FormData): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new AppError('validation_failed', 'Invalid purchasing request');
  return parsed.data;
}

const staffActor = (user: CurrentUser): Actor => ({ type: 'user', id: user.id, label: user.email });

function revalidate(locale: string, purchaseOrderId?: number): void {
  revalidatePath(adminPaths.purchasing(locale));
  if (purchaseOrderId) revalidatePath(adminPaths.purchaseOrder(locale, purchaseOrderId));
}

/** "Buy now" on a queued seller group. */
export async function buyNowAction(_previous: ActionResult<StaffPurchaseResult>, formData: FormData): Promise<ActionResult<StaffPurchaseResult>> {
  try {
    const { locale, sellerId } = parse(base.extend({ sellerId: id }), formData);
    const user = await requirePermission('orders:purchase');
    const result = await buySellerGroup(getDb(), getRedis(), sellerId, staffActor(user));
    revalidate(locale, result.purchaseOrderId);
    return actionOk(result);
  } catch (error) {
    return actionError(error, 'buy now');
  }
}

/** "Retry" on a failed purchase order. */
export async function retryAction(_previous: ActionResult<StaffPurchaseResult>, formData: FormData): Promise<ActionResult<StaffPurchaseResult>> {
  try {
    const { locale, purchaseOrderId, version } = parse(versioned, formData);
    const user = await requirePermission('orders:purchase');
    const result = await retryPurchaseOrder(getDb(), getRedis(), purchaseOrderId, version, staffActor(user));
    revalidate(locale, purchaseOrderId);
    return actionOk(result);
  } catch (error) {
    return actionError(error, 'retry purchase');
  }
}

/** "Mark purchased by hand" with the upstream order id the purchaser typed. */
export async function markPurchasedAction(_previous: ActionResult<ManualResult>, formData: FormData): Promise<ActionResult<ManualResult>> {
  try {
    const { locale, purchaseOrderId, version, upstreamOrderId } = parse(versioned.extend({ upstreamOrderId: upstreamOrderIdSchema }), formData);
    const user = await requirePermission('orders:purchase');
    const result = await markPurchasedByHand(getDb(), getRedis(), { purchaseOrderId, expectedVersion: version, upstreamOrderId }, staffActor(user));
    revalidate(locale, purchaseOrderId);
    return actionOk(result);
  } catch (error) {
    return actionError(error, 'mark purchased');
  }
}

/** "Cancel" on a failed purchase order: its lines go back to the queue. */
export async function cancelAction(_previous: ActionResult<{ requeued: number }>, formData: FormData): Promise<ActionResult<{ requeued: number }>> {
  try {
    const { locale, purchaseOrderId, version, reason } = parse(versioned.extend({ reason: z.string().trim().max(300).optional() }), formData);
    const user = await requirePermission('orders:purchase');
    const result = await cancelPurchaseOrder(getDb(), purchaseOrderId, version, staffActor(user), reason || undefined);
    revalidate(locale, purchaseOrderId);
    return actionOk(result);
  } catch (error) {
    return actionError(error, 'cancel purchase');
  }
}
