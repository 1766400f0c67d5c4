'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions';
import { adminPaths } from '@/lib/admin/paths';
import { userActor } from '@/lib/audit/actor';
import { getDb } from '@/lib/db';
import { locales } from '@/lib/i18n/locales';
import { buySellerGroup } from '@/lib/purchasing/buy-seller-group';
import { releaseBuyerNote } from '@/lib/purchasing/buyer-notes';
import { sellerNoteSchema } from '@/lib/purchasing/seller-note';
import { cancelPurchaseOrder } from '@/lib/purchasing/cancel-purchase-order';
import { markPurchasedByHand, upstreamOrderIdSchema } from '@/lib/purchasing/mark-purchased-by-hand';
import { retryPurchaseOrder } from '@/lib/purchasing/retry-purchase-order';
import { getRedis } from '@/lib/redis';

const id = z.coerce.number().int().positive();
const base = z.object({ locale: z.enum(locales) });
/** The version the page showed: a purchase order that changed since refuses the button. */
const versioned = base.extend({ purchaseOrderId: id, version: z.coerce.number().int().min(0) });

function revalidate(locale: string, purchaseOrderId?: number): void {
  revalidatePath(adminPaths.purchasing(locale));
  if (purchaseOrderId) revalidatePath(adminPaths.purchaseOrder(locale, purchaseOrderId));
}

const purchaser = { permission: 'orders:purchase' } as const;

/** "Buy now" on a queued seller group. */
export const buyNowAction = action({
  name: 'buy now',
  input: base.extend({ sellerId: id }),
  auth: purchaser,
  run: ({ sellerId }, { user }) => buySellerGroup(getDb(), getRedis(), sellerId, userActor(user)),
  revalidate: ({ locale }, result) => revalidate(locale, result.purchaseOrderId),
});

/** "Retry" on a failed purchase order. */
export const retryAction = action({
  name: 'retry purchase',
  input: versioned,
  auth: purchaser,
  run: ({ purchaseOrderId, version }, { user }) => retryPurchaseOrder(getDb(), getRedis(), purchaseOrderId, version, userActor(user)),
  revalidate: ({ locale, purchaseOrderId }) => revalidate(locale, purchaseOrderId),
});

/** "Mark purchased by hand" with the upstream order id the purchaser typed. */
export const markPurchasedAction = action({
  name: 'mark purchased',
  input: versioned.extend({ upstreamOrderId: upstreamOrderIdSchema }),
  auth: purchaser,
  run: ({ purchaseOrderId, version, upstreamOrderId }, { user }) =>
    markPurchasedByHand(getDb(), getRedis(), { purchaseOrderId, expectedVersion: version, upstreamOrderId }, userActor(user)),
  revalidate: ({ locale, purchaseOrderId }) => revalidate(locale, purchaseOrderId),
});

/** "Cancel" on a failed purchase order: its lines go back to the queue. */
export const cancelAction = action({
  name: 'cancel purchase',
  input: versioned.extend({ reason: z.string().trim().max(300).optional() }),
  auth: purchaser,
  run: ({ purchaseOrderId, version, reason }, { user }) => cancelPurchaseOrder(getDb(), purchaseOrderId, version, userActor(user), reason || undefined),
  revalidate: ({ locale, purchaseOrderId }) => revalidate(locale, purchaseOrderId),
});

/** "Release to buying" on a line whose note the purchaser has read: the Chinese they wrote goes to the seller. */
export const releaseNoteAction = action({
  name: 'release buyer note',
  input: base.extend({ itemId: id, sellerNote: sellerNoteSchema }),
  auth: purchaser,
  run: ({ itemId, sellerNote }, { user }) => releaseBuyerNote(getDb(), { itemId, sellerNote }, userActor(user)),
  revalidate: ({ locale }) => revalidate(locale),
});
