import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { serviceCharges } from '@/db/schema/warehouse';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings/read-settings';
import { grantMorePhotos } from './grant-more-photos';
import { findOwnedItem, type ItemOwner } from './find-owned-item';
import { morePhotosCharge } from './more-photos-charge';

export type MorePhotosCharge = { id: number; status: 'open' | 'paid'; quantity: number; chargeMinor: number; chargeCurrency: string };

/**
 * "More photos" of one item in the warehouse: its open charge (`service_charges`, one per item
 * while open — the unique `open_item_id`), created at the agent's current price in the order's
 * currency at its pinned rate, or the one a first click already opened (at the price it was opened
 * at). The shopper then pays it through the order's gateway (startServiceChargePayment). A price
 * that rounds to nothing is granted at once. Another owner's item is `not_found`; an item that is
 * not in the warehouse (decided, shipped) is `invalid_transition`.
 */
export async function requestMorePhotos(db: Database, input: { owner: ItemOwner; itemId: number; orderNumber?: string; actor: Actor }): Promise<MorePhotosCharge> {
  const item = await findOwnedItem(db, input.owner, input.itemId, input.orderNumber);
  if (!item) throw new AppError('not_found', 'Item not found');
  if (item.status !== 'in_warehouse') throw new AppError('invalid_transition', 'More photos can be asked only while the item waits in the warehouse for a decision');
  const existing = await openCharge(db, item.itemId);
  if (existing) return existing;

  const settings = await getSettings(db);
  const charge = morePhotosCharge({ morePhotosCount: settings['warehouse.morePhotosCount'], morePhotosPriceFen: settings['warehouse.morePhotosPriceFen'] }, item);
  const isFree = charge.chargeMinor === 0;
  return db.transaction(async (tx) => {
    // INSERT IGNORE: two clicks at once both insert; the unique open charge lets one of them in.
    const [inserted] = await tx
      .insert(serviceCharges)
      .ignore()
      .values({ orderId: item.orderId, orderItemId: item.itemId, kind: 'qc_photos', ...charge, status: 'open', openItemId: item.itemId });
    if (inserted.affectedRows !== 1) {
      const other = await openCharge(tx, item.itemId);
      if (!other) throw new AppError('conflict', 'The request for more photos changed meanwhile; reload and try again');
      return other;
    }
    const id = Number(inserted.insertId);
    await recordAudit(tx, input.actor, 'item.more_photos_requested', { type: 'order_item', id: item.itemId }, { serviceChargeId: id, ...charge });
    if (isFree) {
      await grantMorePhotos(tx, { serviceChargeId: id, paymentId: null, actor: input.actor });
      return { id, status: 'paid' as const, quantity: charge.quantity, chargeMinor: 0, chargeCurrency: charge.chargeCurrency };
    }
    return { id, status: 'open' as const, quantity: charge.quantity, chargeMinor: charge.chargeMinor, chargeCurrency: charge.chargeCurrency };
  });
}

async function openCharge(tx: Pick<Database, 'select'>, itemId: number): Promise<MorePhotosCharge | null> {
  const [row] = await tx
    .select({ id: serviceCharges.id, quantity: serviceCharges.quantity, chargeMinor: serviceCharges.chargeMinor, chargeCurrency: serviceCharges.chargeCurrency })
    .from(serviceCharges)
    .where(and(eq(serviceCharges.openItemId, itemId), eq(serviceCharges.kind, 'qc_photos'), eq(serviceCharges.status, 'open')))
    .limit(1);
  return row ? { ...row, status: 'open' } : null;
}
