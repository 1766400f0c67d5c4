import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { DayRange, Grain } from './period';
import { rangeBounds } from './period';
import { SHIPPING, type CategoryChoice } from './report-query';

/**
 * The SQL behind each measure, shared by the report (GROUP BY) and the drill-down (the rows), so a
 * figure and the rows listed behind it cannot disagree. Periods are UTC (DATETIME columns hold UTC).
 *
 * Category: an order's top-level category is that of its line with the highest value (quantity ×
 * unit price, the lowest line id on a tie); a purchase order's, that of its highest-value line; a
 * paid service charge's, that of its own item. Orders are not split across categories, so a
 * category's figures add up to the whole without a rounding remainder. A parcel's money (shipping,
 * insurance and its services) belongs to no product category: its rows carry `is_shipping = 1` and no
 * category, and are a part of their own ("shipping"), never counted as goods of no category.
 */
const TOP = sql.raw("CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(c.path, '/', 2), '/', -1) AS UNSIGNED)");

const topOfLine = (where: SQL) =>
  sql`(SELECT ${TOP} FROM order_items oi JOIN products p ON p.id = oi.product_id JOIN categories c ON c.id = p.category_id WHERE ${where} ORDER BY oi.quantity * oi.unit_price_cny_minor DESC, oi.id LIMIT 1)`;

export const orderCategory = (orderId: SQL) => topOfLine(sql`oi.order_id = ${orderId}`);

/** A DATETIME column's period, named by its first day (period.ts computes the same in JS). */
export function bucket(column: SQL, grain: Grain): SQL {
  if (grain === 'day') return sql`DATE_FORMAT(${column}, '%Y-%m-%d')`;
  if (grain === 'month') return sql`DATE_FORMAT(${column}, '%Y-%m-01')`;
  return sql`DATE_FORMAT(DATE_SUB(DATE(${column}), INTERVAL WEEKDAY(${column}) DAY), '%Y-%m-%d')`;
}

const stamp = (date: Date) => date.toISOString().slice(0, 23).replace('T', ' ');
export function between(column: SQL, range: DayRange): SQL {
  const { start, end } = rangeBounds(range);
  return sql`${column} >= ${stamp(start)} AND ${column} < ${stamp(end)}`;
}

/** `category` null: every row; 0: goods with no category (an order without lines); `shipping`: parcels' rows. */
export const categoryFilter = (category: CategoryChoice) =>
  category === null
    ? sql`1 = 1`
    : category === SHIPPING
      ? sql`t.is_shipping = 1`
      : category === 0
        ? sql`t.category_id IS NULL AND t.is_shipping = 0`
        : sql`t.category_id = ${category}`;

const recorded = (range: DayRange) => sql`l.status = 'recorded' AND l.kind IN ('charge', 'refund') AND ${between(sql`l.created_at`, range)}`;

/**
 * Revenue and refunds: recorded `charge` and `refund` ledger rows of orders and of parcels, the card
 * gateways' and the balance's (`gateway = 'wallet'`: an order paid from the balance is revenue, a
 * refund to the balance is a refund). Wallet top-ups are the shopper's money, not revenue (they have
 * neither order nor parcel); flagged rows are finance's to resolve. Each row is in its order's (its
 * parcel's) charge currency and is converted at that pinned rate: amount ÷ rate, kept to 20 decimal
 * places of a minor unit before the one rounding.
 *
 * A parcel's rows have no order (`order_id` NULL); they name their parcel the way they were written:
 * - the balance's: transaction id `wallet:parcel…:<parcel id>` (lib/parcels' wallet sources `parcel`,
 *   `parcel_rest`, `parcel_topup`, `parcel_settlement`; the price, its rest after a wallet part, the
 *   top-up, the settlement refund, and a cancelled parcel's wallet part returned);
 * - the card's: the payment the parcel was paid by (`gateway_payment_id`) or its top-up
 *   (`topup_payment_id`), on the parcel's own gateway — found through the ledger's unique
 *   (gateway, transaction id) index, parcel by parcel. A card row that paid no parcel was flagged.
 */
export const ledgerRows = (range: DayRange) => sql`
  SELECT l.id, l.order_id, o.number AS order_number, NULL AS parcel_number, l.kind, l.gateway, l.transaction_id, l.amount_minor, l.currency,
         o.charge_rate, l.created_at, ${orderCategory(sql`l.order_id`)} AS category_id, 0 AS is_shipping
  FROM payment_ledger l JOIN orders o ON o.id = l.order_id
  WHERE ${recorded(range)}
  UNION ALL
  SELECT l.id, NULL, NULL, p.number, l.kind, l.gateway, l.transaction_id, l.amount_minor, l.currency, p.rate, l.created_at, NULL, 1
  FROM payment_ledger l JOIN parcels p ON p.id = CAST(SUBSTRING_INDEX(l.transaction_id, ':', -1) AS UNSIGNED)
  WHERE l.gateway = 'wallet' AND l.order_id IS NULL AND l.transaction_id LIKE 'wallet:parcel%' AND ${recorded(range)}
  UNION ALL
  SELECT l.id, NULL, NULL, p.number, l.kind, l.gateway, l.transaction_id, l.amount_minor, l.currency, p.rate, l.created_at, NULL, 1
  FROM (SELECT id, number, rate, gateway, gateway_payment_id AS payment_id FROM parcels WHERE gateway_payment_id IS NOT NULL
        UNION ALL SELECT id, number, rate, gateway, topup_payment_id FROM parcels WHERE topup_payment_id IS NOT NULL) p
  JOIN payment_ledger l ON l.gateway = p.gateway AND l.transaction_id = p.payment_id
  WHERE l.gateway <> 'wallet' AND l.order_id IS NULL AND ${recorded(range)}`;

/** Upstream cost: placed purchase orders by the day they were placed; what 1688 charged (its total), else its preview (goods + freight). */
export const purchaseRows = (range: DayRange) => sql`
  SELECT po.id, po.reference, po.upstream_order_id, po.placed_at AS created_at,
         COALESCE(po.upstream_total_minor, po.preview_goods_minor + COALESCE(po.preview_freight_minor, 0), po.expected_goods_minor) AS cny_minor,
         ${topOfLine(sql`oi.purchase_order_id = po.id`)} AS category_id, 0 AS is_shipping
  FROM purchase_orders po
  WHERE po.status = 'placed' AND po.placed_at IS NOT NULL AND ${between(sql`po.placed_at`, range)}`;

/**
 * Service fees: an order's service fee and value-added services from its price breakdown (by the
 * day it was paid or, cash on delivery, confirmed), paid service charges (by the day paid), and a
 * parcel's services (rehearsal, reinforced packing, photos…; not its insurance), by the day it was paid.
 */
export const serviceRows = (range: DayRange) => sql`
  SELECT 'order' AS source, o.id, o.number AS reference, COALESCE(o.paid_at, o.confirmed_at) AS created_at,
         CAST(JSON_VALUE(o.breakdown_cny, '$.serviceFee') AS SIGNED) + CAST(JSON_VALUE(o.breakdown_cny, '$.valueAddedServices') AS SIGNED) AS cny_minor,
         ${orderCategory(sql`o.id`)} AS category_id, 0 AS is_shipping
  FROM orders o
  WHERE COALESCE(o.paid_at, o.confirmed_at) IS NOT NULL AND ${between(sql`COALESCE(o.paid_at, o.confirmed_at)`, range)}
  UNION ALL
  SELECT 'service_charge', sc.id, o.number, sc.paid_at, sc.amount_cny_minor,
         ${topOfLine(sql`oi.id = sc.order_item_id`)}, 0
  FROM service_charges sc JOIN orders o ON o.id = sc.order_id
  WHERE sc.status = 'paid' AND sc.paid_at IS NOT NULL AND ${between(sql`sc.paid_at`, range)}
  UNION ALL
  SELECT 'parcel', p.id, p.number, p.paid_at, p.services_cny_minor, NULL, 1
  FROM parcels p
  WHERE p.paid_at IS NOT NULL AND p.services_cny_minor <> 0 AND ${between(sql`p.paid_at`, range)}`;

export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const [rows] = (await db.execute(query)) as unknown as [T[]];
  return rows;
}
