import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { DayRange, Grain } from './period';
import { rangeBounds } from './period';

/**
 * The SQL behind each measure, shared by the report (GROUP BY) and the drill-down (the rows), so a
 * figure and the rows listed behind it cannot disagree. Periods are UTC (DATETIME columns hold UTC).
 *
 * Category: an order's top-level category is that of its line with the highest value (quantity ×
 * unit price, the lowest line id on a tie); a purchase order's, that of its highest-value line; a
 * paid service charge's, that of its own item. Orders are not split across categories, so a
 * category's figures add up to the whole without a rounding remainder.
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

/** `category` null: every category; 0: rows with no category (an order without lines). */
export const categoryFilter = (category: number | null) =>
  category === null ? sql`1 = 1` : category === 0 ? sql`t.category_id IS NULL` : sql`t.category_id = ${category}`;

/**
 * Revenue and refunds: recorded `charge` and `refund` ledger rows of orders, the card gateways' and
 * the balance's (`gateway = 'wallet'`: an order paid from the balance is revenue, a refund to the
 * balance is a refund). Wallet top-ups are the shopper's money, not revenue (they have no order);
 * flagged rows are finance's to resolve. Each row is in its order's
 * charge currency and is converted at the order's pinned rate: amount ÷ charge_rate, kept to 20
 * decimal places of a minor unit before the one rounding.
 */
export const ledgerRows = (range: DayRange) => sql`
  SELECT l.id, l.order_id, o.number AS order_number, l.kind, l.gateway, l.transaction_id, l.amount_minor, l.currency,
         o.charge_rate, l.created_at,
         CAST(l.amount_minor AS DECIMAL(40,16)) / o.charge_rate AS cny_exact,
         ${orderCategory(sql`l.order_id`)} AS category_id
  FROM payment_ledger l JOIN orders o ON o.id = l.order_id
  WHERE l.status = 'recorded' AND l.kind IN ('charge', 'refund') AND ${between(sql`l.created_at`, range)}`;

/** Upstream cost: placed purchase orders by the day they were placed; what 1688 charged (its total), else its preview (goods + freight). */
export const purchaseRows = (range: DayRange) => sql`
  SELECT po.id, po.reference, po.upstream_order_id, po.placed_at AS created_at,
         COALESCE(po.upstream_total_minor, po.preview_goods_minor + COALESCE(po.preview_freight_minor, 0), po.expected_goods_minor) AS cny_minor,
         ${topOfLine(sql`oi.purchase_order_id = po.id`)} AS category_id
  FROM purchase_orders po
  WHERE po.status = 'placed' AND po.placed_at IS NOT NULL AND ${between(sql`po.placed_at`, range)}`;

/**
 * Service fees: an order's service fee and value-added services from its price breakdown (by the
 * day it was paid or, cash on delivery, confirmed), plus paid service charges (by the day paid).
 */
export const serviceRows = (range: DayRange) => sql`
  SELECT 'order' AS source, o.id, o.number AS reference, COALESCE(o.paid_at, o.confirmed_at) AS created_at,
         CAST(JSON_VALUE(o.breakdown_cny, '$.serviceFee') AS SIGNED) + CAST(JSON_VALUE(o.breakdown_cny, '$.valueAddedServices') AS SIGNED) AS cny_minor,
         ${orderCategory(sql`o.id`)} AS category_id
  FROM orders o
  WHERE COALESCE(o.paid_at, o.confirmed_at) IS NOT NULL AND ${between(sql`COALESCE(o.paid_at, o.confirmed_at)`, range)}
  UNION ALL
  SELECT 'service_charge', sc.id, o.number, sc.paid_at, sc.amount_cny_minor,
         ${topOfLine(sql`oi.id = sc.order_item_id`)}
  FROM service_charges sc JOIN orders o ON o.id = sc.order_id
  WHERE sc.status = 'paid' AND sc.paid_at IS NOT NULL AND ${between(sql`sc.paid_at`, range)}`;

export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const [rows] = (await db.execute(query)) as unknown as [T[]];
  return rows;
}
