import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { parcelItems, parcels, type ParcelRow, type ParcelStatus } from '@/db/schema/parcels';
import { ownsParcel, type ParcelOwner } from './owner';

/** One of the owner's parcels by number, or null (someone else's is null too). */
export async function findOwnParcel(db: Database, owner: ParcelOwner, number: string): Promise<ParcelRow | null> {
  const [row] = await db.select().from(parcels).where(and(eq(parcels.number, number), ownsParcel(owner))).limit(1);
  return row ?? null;
}

export async function findParcel(db: Database, number: string): Promise<ParcelRow | null> {
  const [row] = await db.select().from(parcels).where(eq(parcels.number, number)).limit(1);
  return row ?? null;
}

/** The owner's parcels, newest first. */
export async function listOwnParcels(db: Database, owner: ParcelOwner, limit = 100): Promise<ParcelRow[]> {
  return db.select().from(parcels).where(ownsParcel(owner)).orderBy(desc(parcels.id)).limit(limit);
}

/** A parcel's items with their orders, titles, bins and declared values. */
export async function parcelItemRows(db: Database, parcelIds: readonly number[]) {
  if (parcelIds.length === 0) return [];
  return db
    .select({
      parcelId: parcelItems.parcelId,
      itemId: orderItems.id,
      orderNumber: orders.number,
      title: orderItems.title,
      quantity: orderItems.quantity,
      status: orderItems.fulfilmentStatus,
      weightGrams: orderItems.weightGrams,
      storageBin: orderItems.storageBin,
      declaredValueCnyMinor: parcelItems.declaredValueCnyMinor,
    })
    .from(parcelItems)
    .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(inArray(parcelItems.parcelId, [...parcelIds]))
    .orderBy(asc(parcelItems.parcelId), asc(orderItems.storageBin), asc(orderItems.id));
}

/** The owner's items that may go into a parcel now: accepted, in the warehouse. */
export async function parcelableItems(db: Database, owner: ParcelOwner) {
  return db
    .select({
      itemId: orderItems.id,
      orderNumber: orders.number,
      title: orderItems.title,
      quantity: orderItems.quantity,
      weightGrams: orderItems.weightGrams,
      unitPriceCnyMinor: orderItems.unitPriceCnyMinor,
      lengthMm: orderItems.lengthMm,
      widthMm: orderItems.widthMm,
      heightMm: orderItems.heightMm,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(eq(orderItems.fulfilmentStatus, 'accepted'), owner.type === 'user' ? eq(orders.userId, owner.userId) : eq(orders.partnerKeyId, owner.partnerKeyId)))
    .orderBy(asc(orders.id), asc(orderItems.id))
    .limit(200);
}

/** The staff board's tabs and what each shows. */
export const boardTabs = {
  awaiting_payment: ['awaiting_payment'],
  // Rehearsals are packed before payment: they wait on the shelf beside the paid parcels.
  to_pack: ['paid', 'awaiting_rehearsal'],
  awaiting_topup: ['awaiting_topup'],
  to_dispatch: ['ready_to_dispatch'],
  in_transit: ['shipped'],
  // A parcel left `packed` means its settlement step did not finish: staff look at it by hand.
  exceptions: ['packed'],
  delivered: ['delivered'],
} as const satisfies Record<string, readonly ParcelStatus[]>;
export type BoardTab = keyof typeof boardTabs;
export const boardTabNames = Object.keys(boardTabs) as BoardTab[];

export async function boardParcels(db: Database, tab: BoardTab, limit = 200): Promise<ParcelRow[]> {
  return db
    .select()
    .from(parcels)
    .where(inArray(parcels.status, [...boardTabs[tab]]))
    .orderBy(asc(parcels.id))
    .limit(limit);
}

/** The pick list: every item of the parcels to pack (paid, or awaiting their rehearsal), by bin, so one walk through the shelves fetches them. */
export async function pickList(db: Database) {
  return db
    .select({ parcelNumber: parcels.number, itemId: orderItems.id, title: orderItems.title, quantity: orderItems.quantity, storageBin: orderItems.storageBin, orderNumber: orders.number })
    .from(parcels)
    .innerJoin(parcelItems, eq(parcelItems.parcelId, parcels.id))
    .innerJoin(orderItems, eq(orderItems.id, parcelItems.orderItemId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(inArray(parcels.status, [...boardTabs.to_pack]))
    .orderBy(asc(orderItems.storageBin), asc(parcels.id), asc(orderItems.id))
    .limit(1000);
}
