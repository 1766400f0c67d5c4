import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shippingLines, type ShippingLineRow } from '@/db/schema/shipping';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { ShippingLineInput } from './line-input';

/*
 * Staff's writes to shipping lines, each audited in its own transaction. The storefront's cached
 * lines are revalidated by the caller (the admin action), which owns the request.
 */

function isDuplicateKey(error: unknown): boolean {
  for (let e = error as { cause?: unknown; code?: unknown; errno?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 'ER_DUP_ENTRY' || e.errno === 1062) return true;
  }
  return false;
}

const columns = (line: ShippingLineInput) => ({ ...line, isActive: line.isActive ? 1 : 0, isTaxIncluded: line.isTaxIncluded ? 1 : 0 });

/** What a save answers: the line, its version now, and the fields an edit changed. */
export type SavedLine = { id: number; version: number; changed: string[] };

/** A new line; its code must be free (409 `conflict` naming the field otherwise). */
export async function createShippingLine(db: Database, code: string, line: ShippingLineInput, actor: Actor): Promise<SavedLine> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(shippingLines).values({ code, ...columns(line) }).$returningId();
      await recordAudit(tx, actor, 'shipping_line.created', { type: 'shipping_line', id: row!.id }, { code, ...line });
      return { id: row!.id, version: 1, changed: [] };
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('conflict', `A line with the code ${code} exists already`, { fieldErrors: { code: 'codeTaken' } });
    throw error;
  }
}

type Comparable = ShippingLineInput[keyof ShippingLineInput];
/** Names compare as sets of entries, so the order JSON came back in does not count as a change. */
const same = (a: Comparable, b: Comparable) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const sorted = (value: Comparable) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort()) : value);

function inputOfRow(row: ShippingLineRow): ShippingLineInput {
  return {
    name: row.name,
    names: row.names ?? {},
    carrier: row.carrier,
    isActive: row.isActive === 1,
    isTaxIncluded: row.isTaxIncluded === 1,
    countries: row.countries,
    volumetricDivisor: row.volumetricDivisor as ShippingLineInput['volumetricDivisor'],
    firstWeightGrams: row.firstWeightGrams,
    firstPriceMinor: row.firstPriceMinor,
    continuedUnitGrams: row.continuedUnitGrams,
    continuedPriceMinor: row.continuedPriceMinor,
    fuelSurchargeBp: row.fuelSurchargeBp,
    minWeightGrams: row.minWeightGrams,
    maxWeightGrams: row.maxWeightGrams,
    maxLongestSideCm: row.maxLongestSideCm,
    maxLengthGirthCm: row.maxLengthGirthCm,
    refusedGoods: row.refusedGoods as ShippingLineInput['refusedGoods'],
    daysMin: row.daysMin,
    daysMax: row.daysMax,
    insuranceRateBp: row.insuranceRateBp,
    insuranceMinMinor: row.insuranceMinMinor,
    sortOrder: row.sortOrder,
  };
}

/**
 * Saves an edit made on the form drawn from `expectedVersion`: a line edited by someone else since
 * is refused (409 `conflict`, nothing written) rather than silently losing their change. The audit
 * records each changed field's old and new value; an edit that changes nothing writes nothing.
 */
export async function updateShippingLine(db: Database, id: number, expectedVersion: number, line: ShippingLineInput, actor: Actor): Promise<SavedLine> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(shippingLines).where(eq(shippingLines.id, id)).for('update');
    if (!current) throw new AppError('not_found', 'No such shipping line');
    if (current.version !== expectedVersion) throw new AppError('conflict', 'This line was changed by someone else since the form was opened', { fieldErrors: { _form: 'stale' } });
    const next = columns(line);
    const before: ShippingLineInput = inputOfRow(current);
    const changed = (Object.keys(line) as (keyof ShippingLineInput)[]).filter((key) => !same(before[key], line[key]));
    if (changed.length === 0) return { id, version: current.version, changed };
    await tx
      .update(shippingLines)
      .set({ ...next, version: sql`${shippingLines.version} + 1` })
      .where(and(eq(shippingLines.id, id), eq(shippingLines.version, expectedVersion)));
    await recordAudit(tx, actor, 'shipping_line.updated', { type: 'shipping_line', id }, Object.fromEntries(changed.map((key) => [key, { from: before[key], to: line[key] }])));
    return { id, version: current.version + 1, changed };
  });
}

/** Takes a line off every quote (or back on); a line already in that state is left alone and not audited again. */
export async function setShippingLineActive(db: Database, id: number, isActive: boolean, actor: Actor): Promise<{ id: number; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [result] = await tx
      .update(shippingLines)
      .set({ isActive: isActive ? 1 : 0, version: sql`${shippingLines.version} + 1` })
      .where(and(eq(shippingLines.id, id), ne(shippingLines.isActive, isActive ? 1 : 0)));
    if (result.affectedRows === 0) {
      const [exists] = await tx.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.id, id));
      if (!exists) throw new AppError('not_found', 'No such shipping line');
      return { id, changed: false };
    }
    await recordAudit(tx, actor, isActive ? 'shipping_line.activated' : 'shipping_line.deactivated', { type: 'shipping_line', id });
    return { id, changed: true };
  });
}
