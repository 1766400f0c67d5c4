import 'server-only';
import { and, eq } from 'drizzle-orm';
import { orderItems } from '@/db/schema/orders';
import { itemNotices, serviceCharges } from '@/db/schema/warehouse';
import type { Actor } from '@/lib/audit/actor';
import type { Executor } from '@/lib/db/executor';
import { recordFact } from '@/lib/events/record-fact';

export const QC_WARNING_NOTICE = 'qc_auto_accept';

/**
 * A "more photos" charge was paid (the payment webhook, inside its transaction) or cost nothing:
 * the charge `open → paid` (compare-and-set; false if it was not open), its hold on the item
 * released, and the item's decision window closed until the extra photos are in — `qc_ready_at`
 * cleared (the photo pipeline sets it again once the photos reach the larger allowance) and the
 * window's warning set aside (renamed), so the new window warns the shopper again before it accepts for them.
 * The `item.more_photos_paid` fact puts the item on the warehouse's list of photos to take.
 */
export async function grantMorePhotos(tx: Executor, input: { serviceChargeId: number; paymentId: string | null; actor: Actor }): Promise<boolean> {
  const [charge] = await tx
    .select({ id: serviceCharges.id, orderId: serviceCharges.orderId, itemId: serviceCharges.orderItemId, quantity: serviceCharges.quantity, chargeMinor: serviceCharges.chargeMinor, chargeCurrency: serviceCharges.chargeCurrency })
    .from(serviceCharges)
    .where(eq(serviceCharges.id, input.serviceChargeId));
  if (!charge) return false;
  const [paid] = await tx
    .update(serviceCharges)
    .set({ status: 'paid', paidAt: new Date(), openItemId: null, ...(input.paymentId ? { gatewayPaymentId: input.paymentId } : {}) })
    .where(and(eq(serviceCharges.id, charge.id), eq(serviceCharges.status, 'open')));
  if (paid.affectedRows !== 1) return false;
  await tx.update(orderItems).set({ qcReadyAt: null }).where(eq(orderItems.id, charge.itemId));
  // Kept under the charge's name (the row is the record that the warning went out); the next window's warning takes the key again.
  await tx
    .update(itemNotices)
    .set({ kind: `${QC_WARNING_NOTICE}_${charge.id}` })
    .where(and(eq(itemNotices.orderItemId, charge.itemId), eq(itemNotices.kind, QC_WARNING_NOTICE)));
  await recordFact(tx, {
    subjectType: 'order_item',
    subjectId: charge.itemId,
    orderId: charge.orderId,
    type: 'item.more_photos_paid',
    payload: { itemId: charge.itemId, serviceChargeId: charge.id, photos: charge.quantity, chargeMinor: charge.chargeMinor, currency: charge.chargeCurrency, paymentId: input.paymentId, actor: { type: input.actor.type, id: input.actor.id ?? null } },
  });
  return true;
}

/** An unpaid "more photos" charge of the item is withdrawn when the item is decided (nobody waits for those photos any more). */
export async function withdrawOpenCharges(tx: Executor, itemId: number): Promise<void> {
  await tx
    .update(serviceCharges)
    .set({ status: 'cancelled', openItemId: null })
    .where(and(eq(serviceCharges.orderItemId, itemId), eq(serviceCharges.status, 'open')));
}
