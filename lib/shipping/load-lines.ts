import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { shippingLines, type ShippingLineRow } from '@/db/schema/shipping';
import { isShippingGood, volumetricDivisors, type VolumetricDivisor } from './goods';
import type { ShippingLineRule } from './types';

/** A `shipping_lines` row as the quote's rules (JSON columns narrowed: unknown goods are dropped, not trusted). */
export function toRule(row: ShippingLineRow): ShippingLineRule {
  const divisor = row.volumetricDivisor;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    names: row.names ?? {},
    carrier: row.carrier,
    isActive: row.isActive === 1,
    isTaxIncluded: row.isTaxIncluded === 1,
    countries: Array.isArray(row.countries) ? row.countries : [],
    volumetricDivisor: divisor !== null && (volumetricDivisors as readonly number[]).includes(divisor) ? (divisor as VolumetricDivisor) : null,
    firstWeightGrams: row.firstWeightGrams,
    firstPriceCny: row.firstPriceMinor,
    continuedUnitGrams: row.continuedUnitGrams,
    continuedPriceCny: row.continuedPriceMinor,
    fuelSurchargeBp: row.fuelSurchargeBp,
    minWeightGrams: row.minWeightGrams,
    maxWeightGrams: row.maxWeightGrams,
    maxLongestSideCm: row.maxLongestSideCm,
    maxLengthGirthCm: row.maxLengthGirthCm,
    refusedGoods: (Array.isArray(row.refusedGoods) ? row.refusedGoods : []).filter(isShippingGood),
    daysMin: row.daysMin,
    daysMax: row.daysMax,
    insuranceRateBp: row.insuranceRateBp,
    insuranceMinCny: row.insuranceMinMinor,
    sortOrder: row.sortOrder,
  };
}

/** The lines a quote considers: active ones, in the agent's order. One query. */
export async function loadActiveLines(db: Database): Promise<ShippingLineRule[]> {
  const rows = await db.select().from(shippingLines).where(eq(shippingLines.isActive, 1)).orderBy(asc(shippingLines.sortOrder), asc(shippingLines.id));
  return rows.map(toRule);
}

/** Every line, inactive ones too (the admin's list). */
export async function loadAllLines(db: Database): Promise<(ShippingLineRule & { version: number; updatedAt: Date })[]> {
  const rows = await db.select().from(shippingLines).orderBy(asc(shippingLines.sortOrder), asc(shippingLines.id));
  return rows.map((row) => ({ ...toRule(row), version: row.version, updatedAt: row.updatedAt }));
}

export async function loadLine(db: Database, id: number): Promise<(ShippingLineRule & { version: number }) | null> {
  const [row] = await db.select().from(shippingLines).where(eq(shippingLines.id, id)).limit(1);
  return row ? { ...toRule(row), version: row.version } : null;
}
