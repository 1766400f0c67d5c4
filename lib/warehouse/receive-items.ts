import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { orderItems, orders, type FulfilmentStatus } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { deriveOrderArrival, lockOrder } from './derive-order-status';
import { moveItem } from './item-machine';
import { receiptSchema, settleReceipt, type Receipt } from './receipt-outcome';

/** What a scale and a tape measure say about one item: grams, and optionally its size in millimetres. */
export const measurementSchema = z
  .object({
    weightGrams: z.number().int().min(1).max(1_000_000).optional(),
    lengthMm: z.number().int().min(1).max(10_000).optional(),
    widthMm: z.number().int().min(1).max(10_000).optional(),
    heightMm: z.number().int().min(1).max(10_000).optional(),
  })
  .strict()
  .refine((m) => [m.lengthMm, m.widthMm, m.heightMm].every((v) => v === undefined) || [m.lengthMm, m.widthMm, m.heightMm].every((v) => v !== undefined), {
    message: 'give all three sides, or none',
  });

export type Measurement = z.infer<typeof measurementSchema>;

/** A shelf or bin as staff write it on the rack: letters, digits and dashes (A-03-2). */
export const storageBinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, 'a bin is up to 16 letters, digits and dashes');

export type ReceivedItem = { itemId: number; orderNumber: string; status: FulfilmentStatus; changed: boolean };

/** One line as the warehouse receives it: what the scale, tape and rack say, and what was found (complete unless told). */
export type ItemReceipt = { itemId: number; measurement?: Measurement; bin?: string; receipt?: Receipt };

/**
 * Receives bought items into the warehouse: each `upstream → in_warehouse` with its measurements, in
 * one transaction per order (the order row locked first, so its arrival is derived exactly once, by
 * whichever receipt brings the last item). What was found (receipt-outcome.ts: complete, short,
 * damaged, wrong item, with its note) is written by the same compare-and-set that moves the item
 * and carried in its `item.received` event. Receiving an item already in the warehouse changes
 * nothing and reports it as it is (`changed: false`): a second scan is harmless. An item not bought
 * upstream yet is refused (it cannot be here).
 */
export async function receiveItems(db: Database, items: readonly ItemReceipt[], actor: Actor): Promise<ReceivedItem[]> {
  if (items.length === 0) return [];
  const parsed = items.map((i) => ({
    itemId: i.itemId,
    measurement: measurementSchema.parse(i.measurement ?? {}),
    bin: i.bin === undefined ? undefined : storageBinSchema.parse(i.bin),
    receipt: receiptSchema.parse(i.receipt ?? { outcome: 'complete' }),
  }));
  const rows = await db
    .select({ id: orderItems.id, orderId: orderItems.orderId, orderNumber: orders.number, quantity: orderItems.quantity })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(inArray(orderItems.id, parsed.map((i) => i.itemId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = parsed.filter((i) => !byId.has(i.itemId)).map((i) => i.itemId);
  if (missing.length > 0) throw new AppError('not_found', `No order item ${missing.join(', ')}`);
  // Checked against each line before anything is written: one impossible count refuses the whole receipt.
  const measured = parsed.map((i) => ({ ...i, settled: settleReceipt(i.receipt, byId.get(i.itemId)!.quantity) }));

  const out: ReceivedItem[] = [];
  const byOrder = new Map<number, typeof measured>();
  for (const item of measured) {
    const orderId = byId.get(item.itemId)!.orderId;
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), item]);
  }
  for (const [orderId, group] of byOrder) {
    const results = await db.transaction(async (tx) => {
      await lockOrder(tx, orderId);
      const done: ReceivedItem[] = [];
      for (const { itemId, measurement, bin, settled } of group) {
        const orderNumber = byId.get(itemId)!.orderNumber;
        const moved = await moveItem(tx, {
          id: itemId,
          from: 'upstream',
          to: 'in_warehouse',
          actor,
          set: { weightGrams: measurement.weightGrams ?? null, lengthMm: measurement.lengthMm ?? null, widthMm: measurement.widthMm ?? null, heightMm: measurement.heightMm ?? null, storageBin: bin ?? null, ...settled },
          payload: {
            orderId,
            orderNumber,
            itemId,
            ...measurement,
            ...(bin ? { bin } : {}),
            outcome: settled.receiptOutcome,
            receivedQuantity: settled.receivedQuantity,
            ...(settled.receiptNote ? { note: settled.receiptNote } : {}),
          },
        });
        if (moved) {
          done.push({ itemId, orderNumber, status: 'in_warehouse', changed: true });
          continue;
        }
        // Not moved: already received (a second scan), or not bought upstream.
        const [now] = await tx.select({ status: orderItems.fulfilmentStatus, purchaseStatus: orderItems.purchaseStatus }).from(orderItems).where(eq(orderItems.id, itemId));
        if (now!.status === 'upstream') {
          throw new AppError('invalid_transition', `Item ${itemId} of ${orderNumber} has not been bought upstream (${now!.purchaseStatus ?? 'unpaid'}): it cannot have arrived`);
        }
        done.push({ itemId, orderNumber, status: now!.status, changed: false });
      }
      await deriveOrderArrival(tx, orderId);
      return done;
    });
    out.push(...results);
  }
  return out;
}
