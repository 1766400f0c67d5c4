import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { inboundShipments, unclaimedInbounds } from '@/db/schema/warehouse';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { contractFulfilmentStatus, type ContractFulfilmentStatus } from './fulfilment-status';
import { getParcelLines, type ParcelLine } from './queries/get-parcel-lines';
import { measurementSchema, receiveItems, storageBinSchema, type ItemReceipt, type Measurement } from './receive-items';

export type ReceivedParcel =
  | { matched: true; items: { itemId: number; orderNumber: string; status: ContractFulfilmentStatus }[] }
  | { matched: false; inboundId: number };

/** A scan at the desk: the lines the parcel may hold, to receive one by one, or the unclaimed inbound it was kept as. */
export type ScannedParcel = { matched: true; trackingNumber: string; lines: ParcelLine[] } | { matched: false; inboundId: number };

/**
 * A domestic tracking number as a scanner or a person gives it: spaces and dashes a courier prints
 * for legibility dropped, upper case. Couriers' numbers are 6–40 letters and digits.
 */
export function normalizeTrackingNumber(raw: string): string {
  const value = raw.replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{6,40}$/.test(value)) throw new AppError('validation_failed', 'A tracking number is 6 to 40 letters and digits');
  return value;
}

/**
 * Receives one domestic parcel by its tracking number (the desk's and `ferry warehouse receive`'s
 * path). A number a purchase order ships under receives that order's bought items and marks the
 * parcel received. Without `lines`, every line still upstream is received complete (measurements
 * go to the item when the parcel holds exactly one; otherwise items are weighed one by one). With
 * `lines` (the desk, line by line), only those lines are received, each with its own measurements,
 * bin (else the parcel's) and what was found; a line left out was not in this parcel and stays
 * upstream. A number nobody expects is kept as an unclaimed inbound, once per number. Receiving
 * the same parcel again changes nothing.
 */
export async function receiveParcel(db: Database, input: { trackingNumber: string; measurement?: Measurement; bin?: string; lines?: readonly ItemReceipt[] }, actor: Actor): Promise<ReceivedParcel> {
  const trackingNumber = normalizeTrackingNumber(input.trackingNumber);
  const measurement = measurementSchema.parse(input.measurement ?? {});
  const bin = input.bin === undefined ? undefined : storageBinSchema.parse(input.bin);
  const purchaseOrderIds = await shippedUnder(db, trackingNumber);
  if (purchaseOrderIds.length === 0) return { matched: false, inboundId: await keepUnclaimed(db, trackingNumber, measurement, actor) };
  return { matched: true, items: await receivePurchaseOrders(db, trackingNumber, purchaseOrderIds, measurement, actor, bin, input.lines) };
}

/**
 * The desk's scan: the lines of the purchase order(s) a number ships under, received or not, for
 * staff to receive line by line (receiveParcel with `lines`). A number nobody expects is kept as an
 * unclaimed inbound right away, with what the scale and tape said, as receiveParcel does.
 */
export async function scanParcel(db: Database, input: { trackingNumber: string; measurement?: Measurement }, actor: Actor): Promise<ScannedParcel> {
  const trackingNumber = normalizeTrackingNumber(input.trackingNumber);
  const measurement = measurementSchema.parse(input.measurement ?? {});
  const purchaseOrderIds = await shippedUnder(db, trackingNumber);
  if (purchaseOrderIds.length === 0) return { matched: false, inboundId: await keepUnclaimed(db, trackingNumber, measurement, actor) };
  return { matched: true, trackingNumber, lines: await getParcelLines(db, purchaseOrderIds) };
}

/** The desk's receipt of a scanned parcel, line by line: receiveParcel, answered with the parcel's lines as they are now. */
export async function receiveParcelLines(db: Database, input: { trackingNumber: string; bin?: string; lines: readonly ItemReceipt[] }, actor: Actor): Promise<ScannedParcel> {
  await receiveParcel(db, input, actor);
  return scanParcel(db, { trackingNumber: input.trackingNumber }, actor);
}

async function shippedUnder(db: Database, trackingNumber: string): Promise<number[]> {
  const shipments = await db.select({ purchaseOrderId: inboundShipments.purchaseOrderId }).from(inboundShipments).where(eq(inboundShipments.trackingNumber, trackingNumber));
  return shipments.map((s) => s.purchaseOrderId);
}

async function receivePurchaseOrders(db: Database, trackingNumber: string, purchaseOrderIds: number[], measurement: Measurement, actor: Actor, bin?: string, given?: readonly ItemReceipt[]) {
  const lines = await db
    .select({ id: orderItems.id, orderNumber: orders.number, fulfilment: orderItems.fulfilmentStatus, purchase: orderItems.purchaseStatus })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(and(inArray(orderItems.purchaseOrderId, purchaseOrderIds), eq(orderItems.purchaseStatus, 'purchased')))
    .orderBy(asc(orderItems.id));
  const received = await receiveItems(db, given ? givenLines(given, lines, bin) : allLines(lines, measurement, bin), actor);
  await db
    .update(inboundShipments)
    .set({ status: 'received', receivedAt: new Date() })
    .where(and(eq(inboundShipments.trackingNumber, trackingNumber), inArray(inboundShipments.purchaseOrderId, purchaseOrderIds), eq(inboundShipments.status, 'expected')));
  const now = new Map(received.map((r) => [r.itemId, r.status]));
  return lines.map((l) => ({
    itemId: l.id,
    orderNumber: l.orderNumber,
    status: contractFulfilmentStatus(now.get(l.id) ?? l.fulfilment, l.purchase),
  }));
}

/** Every line still upstream, complete; the parcel's measurements are the item's when it is the only line. */
function allLines(lines: readonly { id: number; fulfilment: string }[], measurement: Measurement, bin?: string): ItemReceipt[] {
  const weighedAlone = lines.length === 1;
  return lines.filter((l) => l.fulfilment === 'upstream').map((l) => ({ itemId: l.id, measurement: weighedAlone ? measurement : {}, bin }));
}

/** The lines staff received, each one of this parcel's purchase orders (a line already in is reported as it is). */
function givenLines(given: readonly ItemReceipt[], lines: readonly { id: number }[], bin?: string): ItemReceipt[] {
  const ours = new Set(lines.map((l) => l.id));
  const stranger = given.find((g) => !ours.has(g.itemId));
  if (stranger) throw new AppError('validation_failed', `Item ${stranger.itemId} is not a bought line of the order this parcel is for`);
  return given.map((g) => ({ ...g, bin: g.bin ?? bin }));
}

async function keepUnclaimed(db: Database, trackingNumber: string, measurement: Measurement, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [result] = await tx
      .insert(unclaimedInbounds)
      .values({ trackingNumber, ...measurement, receivedBy: actor.label ?? null, createdAt: now, updatedAt: now })
      // A second scan keeps the first receipt as it was.
      .onDuplicateKeyUpdate({ set: { trackingNumber: sql`${unclaimedInbounds.trackingNumber}` } });
    const [row] = await tx.select({ id: unclaimedInbounds.id }).from(unclaimedInbounds).where(eq(unclaimedInbounds.trackingNumber, trackingNumber));
    if (result.affectedRows === 1) await recordAudit(tx, actor, 'warehouse.unclaimed_received', { type: 'unclaimed_inbound', id: row!.id }, { trackingNumber, ...measurement });
    return row!.id;
  });
}

/**
 * Staff found whose an unclaimed parcel is: it becomes that purchase order's parcel (expected under
 * its number from now on, already received) and the order's items are received. Only once: an
 * inbound already assigned is refused.
 */
export async function assignUnclaimedInbound(db: Database, input: { inboundId: number; purchaseOrderReference: string }, actor: Actor): Promise<ReceivedParcel> {
  const reference = input.purchaseOrderReference.trim();
  const [inbound] = await db.select().from(unclaimedInbounds).where(eq(unclaimedInbounds.id, input.inboundId));
  if (!inbound) throw new AppError('not_found', 'No such unclaimed parcel');
  const [po] = await db.select({ id: purchaseOrders.id, status: purchaseOrders.status }).from(purchaseOrders).where(eq(purchaseOrders.reference, reference));
  if (!po) throw new AppError('not_found', `No purchase order ${reference}`);
  if (po.status !== 'placed') throw new AppError('invalid_transition', 'Only a purchase order bought upstream can have parcels');
  const claimed = await db.transaction(async (tx) => {
    const now = new Date();
    const [moved] = await tx
      .update(unclaimedInbounds)
      .set({ status: 'assigned', assignedPurchaseOrderId: po.id, assignedAt: now, updatedAt: now })
      .where(and(eq(unclaimedInbounds.id, inbound.id), eq(unclaimedInbounds.status, 'unclaimed')));
    if (moved.affectedRows !== 1) return false;
    await tx
      .insert(inboundShipments)
      .values({ purchaseOrderId: po.id, trackingNumber: inbound.trackingNumber, status: 'expected', createdAt: now, updatedAt: now })
      .onDuplicateKeyUpdate({ set: { updatedAt: now } });
    await recordAudit(tx, actor, 'warehouse.unclaimed_assigned', { type: 'unclaimed_inbound', id: inbound.id }, { trackingNumber: inbound.trackingNumber, purchaseOrder: reference });
    return true;
  });
  if (!claimed) throw new AppError('invalid_transition', 'This parcel was already assigned');
  const measurement = { weightGrams: inbound.weightGrams ?? undefined, ...(inbound.lengthMm ? { lengthMm: inbound.lengthMm, widthMm: inbound.widthMm!, heightMm: inbound.heightMm! } : {}) };
  return { matched: true, items: await receivePurchaseOrders(db, inbound.trackingNumber, [po.id], measurement, actor) };
}
