import 'server-only';
import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type OrderStatus } from '@/db/schema/orders';

export type UserOrderRow = {
  number: string;
  status: OrderStatus;
  createdAt: Date;
  chargeMinor: number;
  chargeCurrency: string;
  gateway: string;
  itemCount: number;
};

export type UserOrderPage = { items: UserOrderRow[]; page: number; pageSize: number; total: number; pages: number };

/** The user's orders, newest first, a page at a time (the orders_user_idx index serves both queries). */
export async function listUserOrders(db: Database, userId: number, options: { page?: number; pageSize?: number } = {}): Promise<UserOrderPage> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 100);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orders).where(eq(orders.userId, userId));
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(options.page ?? 1, 1), pages);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      createdAt: orders.createdAt,
      chargeMinor: orders.chargeMinor,
      chargeCurrency: orders.chargeCurrency,
      gateway: orders.gateway,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const counts = rows.length
    ? await db
        .select({ orderId: orderItems.orderId, n: sql<number>`sum(${orderItems.quantity})`.mapWith(Number) })
        .from(orderItems)
        .where(inArray(orderItems.orderId, rows.map((r) => r.id)))
        .groupBy(orderItems.orderId)
    : [];
  const itemsOf = new Map(counts.map((c) => [c.orderId, c.n]));
  return {
    items: rows.map(({ id, ...row }) => ({ ...row, itemCount: itemsOf.get(id) ?? 0 })),
    page,
    pageSize,
    total,
    pages,
  };
}
