import 'server-only';
import { and, count, desc, eq, exists, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { orders, orderStatuses, type OrderStatus } from '@/db/schema/orders';
import { partnerKeys } from '@/db/schema/partners';
import { paymentLedger } from '@/db/schema/payments';
import type { GatewayName } from '@/lib/orders/types';
import type { Database } from '@/lib/db';
import { adminDayStart } from '../format';
import { ORDER_BOARD_PAGE_SIZE, type OrderBoardFilters } from '../order-filters';

/** One board row. Plain JSON (ISO dates): the same value is server-rendered, dehydrated and polled. */
export type OrderBoardRow = {
  number: string;
  createdAt: string;
  status: OrderStatus;
  email: string | null;
  partnerKeyId: string | null;
  partnerName: string | null;
  externalRef: string | null;
  chargeMinor: number;
  chargeCurrency: string;
  totalCnyMinor: number;
  gateway: GatewayName;
  hasFlaggedPayment: boolean;
};

export type OrderBoard = {
  rows: OrderBoardRow[];
  /** Orders per status under every filter but the status one (the tabs). */
  counts: Record<OrderStatus, number>;
  /** Orders matching all filters (the table's pages). */
  total: number;
  page: number;
  pageSize: number;
};

const hasFlagged = () =>
  exists(
    sql`(select 1 from ${paymentLedger} where ${paymentLedger.orderId} = ${orders.id} and ${paymentLedger.status} = 'flagged')`,
  );

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every filter except the status tab. */
function baseConditions(filters: OrderBoardFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(gte(orders.createdAt, adminDayStart(filters.from)));
  if (filters.to) conditions.push(lt(orders.createdAt, new Date(adminDayStart(filters.to).getTime() + 86_400_000)));
  if (filters.gateway) conditions.push(eq(orders.gateway, filters.gateway));
  if (filters.hasFlaggedPayment) conditions.push(hasFlagged());
  if (filters.q) {
    const prefix = `${escapeLike(filters.q)}%`;
    conditions.push(or(like(orders.number, prefix), like(orders.email, prefix), eq(orders.externalRef, filters.q))!);
  }
  return conditions;
}

/**
 * The orders board: tab counts in one GROUP BY, then one page of rows (newest first) with the
 * partner's key name and a flagged-payment marker. The caller checks `orders:read`.
 */
export async function listAdminOrders(db: Database, filters: OrderBoardFilters): Promise<OrderBoard> {
  const base = baseConditions(filters);
  const pageSize = ORDER_BOARD_PAGE_SIZE;
  const page = Math.max(1, filters.page);
  const where = and(...base, ...(filters.status ? [eq(orders.status, filters.status)] : []));

  const [grouped, rows] = await Promise.all([
    db.select({ status: orders.status, n: count() }).from(orders).where(and(...base)).groupBy(orders.status),
    db
      .select({
        number: orders.number,
        createdAt: orders.createdAt,
        status: orders.status,
        email: orders.email,
        partnerKeyId: orders.partnerKeyId,
        partnerName: partnerKeys.name,
        externalRef: orders.externalRef,
        chargeMinor: orders.chargeMinor,
        chargeCurrency: orders.chargeCurrency,
        totalCnyMinor: orders.totalCnyMinor,
        gateway: orders.gateway,
        hasFlaggedPayment: sql<number>`${hasFlagged()}`.mapWith(Number),
      })
      .from(orders)
      .leftJoin(partnerKeys, eq(partnerKeys.id, orders.partnerKeyId))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);

  const counts = Object.fromEntries(orderStatuses.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const g of grouped) counts[g.status] = Number(g.n);
  const total = filters.status ? counts[filters.status] : Object.values(counts).reduce((a, b) => a + b, 0);

  return {
    rows: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      gateway: r.gateway as GatewayName,
      hasFlaggedPayment: r.hasFlaggedPayment === 1,
    })),
    counts,
    total,
    page,
    pageSize,
  };
}
