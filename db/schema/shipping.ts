import { bigint, int, json, mysqlTable, smallint, tinyint, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { id, minor, timestamps } from './columns';

/**
 * The agent's international shipping lines, as data: each line's destinations, weight pricing
 * (first weight + continued units, in CNY minor units), volumetric divisor, fuel surcharge, limits,
 * refused goods, delivery days and insurance. Per database, so each tenant keeps its own lines.
 * The rules are read by lib/shipping (one quote function); the admin edits them at
 * /admin/shipping/lines. `version` rises with every edit, so a form saved over someone else's
 * newer edit is refused instead of silently undoing it.
 */
export const shippingLines = mysqlTable(
  'shipping_lines',
  {
    id: id(),
    /** A short stable handle (`dhl-express`): CLI, seeds and partners name a line by it. */
    code: varchar('code', { length: 40 }).notNull(),
    /** The name shown where no translation is set (English). */
    name: varchar('name', { length: 120 }).notNull(),
    /** Display names per locale (`{"zh-CN":"DHL 快递"}`); a locale without one shows `name`. */
    names: json('names').$type<Record<string, string>>().notNull(),
    /** The carrier that moves the parcel (labels and tracking name it). */
    carrier: varchar('carrier', { length: 64 }).notNull(),
    isActive: tinyint('is_active').notNull().default(1),
    /** Duties and import taxes paid by the line (DDP): the shopper pays nothing on delivery. */
    isTaxIncluded: tinyint('is_tax_included').notNull().default(0),
    /** ISO 3166-1 alpha-2 codes the line delivers to. */
    countries: json('countries').$type<string[]>().notNull(),
    /** cm³ per kg (5000, 6000, 8000); null: the line charges actual weight only. */
    volumetricDivisor: int('volumetric_divisor'),
    firstWeightGrams: int('first_weight_grams').notNull(),
    firstPriceMinor: minor('first_price_minor').notNull(),
    continuedUnitGrams: int('continued_unit_grams').notNull().default(500),
    continuedPriceMinor: minor('continued_price_minor').notNull(),
    /** Fuel surcharge on the weight price, in basis points (1250 = 12.5 %). */
    fuelSurchargeBp: int('fuel_surcharge_bp').notNull().default(0),
    minWeightGrams: int('min_weight_grams').notNull().default(0),
    maxWeightGrams: int('max_weight_grams').notNull(),
    /** Longest side in cm; null: no limit. */
    maxLongestSideCm: smallint('max_longest_side_cm'),
    /** Length (longest side) + girth (2 × the other two sides) in cm; null: no limit. */
    maxLengthGirthCm: smallint('max_length_girth_cm'),
    /** Goods the line refuses (lib/shipping/goods.ts: battery, liquid, powder, magnet, brand). */
    refusedGoods: json('refused_goods').$type<string[]>().notNull(),
    daysMin: smallint('days_min').notNull(),
    daysMax: smallint('days_max').notNull(),
    /** Insurance premium in basis points of the declared value, at least `insurance_min_minor` CNY. */
    insuranceRateBp: int('insurance_rate_bp').notNull().default(0),
    insuranceMinMinor: minor('insurance_min_minor').notNull().default(0),
    sortOrder: int('sort_order').notNull().default(0),
    version: bigint('version', { mode: 'number', unsigned: true }).notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('shipping_lines_code_uq').on(t.code)],
);

export type ShippingLineRow = typeof shippingLines.$inferSelect;
