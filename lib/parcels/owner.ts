import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import { orders } from '@/db/schema/orders';
import { parcels } from '@/db/schema/parcels';

/** Whose parcel: a signed-in shopper's, or a partner key's (the open API). */
export type ParcelOwner = { type: 'user'; userId: number } | { type: 'partner'; partnerKeyId: string };

/** The orders an owner may take items from. */
export function ownsOrder(owner: ParcelOwner): SQL {
  return owner.type === 'user' ? eq(orders.userId, owner.userId) : eq(orders.partnerKeyId, owner.partnerKeyId);
}

/** The parcels an owner may see. */
export function ownsParcel(owner: ParcelOwner): SQL {
  return owner.type === 'user' ? eq(parcels.userId, owner.userId) : eq(parcels.partnerKeyId, owner.partnerKeyId);
}
