import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type ShippingAddress } from '@/db/schema/orders';

export type CodQueueRow = {
  id: number;
  number: string;
  version: number;
  createdAt: Date;
  /** Cancelled automatically after this unless confirmed. */
  reservedUntil: Date | null;
  email: string | null;
  shippingAddress: ShippingAddress;
  chargeMinor: number;
  chargeCurrency: string;
  lines: { title: string; quantity: number }[];
};

const QUEUE_LIMIT = 200;

/**
 * Cash-on-delivery orders waiting for staff to confirm them, the most urgent (closest to being
 * cancelled) first, with what staff need on the phone: the shopper, the address and the lines.
 * Two queries: the orders (orders_reserved_idx), then their lines.
 */
export async function listCodQueue(db: Database): Promise<{ rows: CodQueueRow[]; total: number }> {
  const waiting = and(eq(orders.status, 'pending'), eq(orders.gateway, 'cod'));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        version: orders.version,
        createdAt: orders.createdAt,
        reservedUntil: orders.reservedUntil,
        email: orders.email,
        shippingAddress: orders.shippingAddress,
        chargeMinor: orders.chargeMinor,
        chargeCurrency: orders.chargeCurrency,
      })
      .from(orders)
      .where(waiting)
      .orderBy(sql`${orders.reservedUntil} is null`, asc(orders.reservedUntil), asc(orders.id))
      .limit(QUEUE_LIMIT),
    db.select({ n: count() }).from(orders).where(waiting),
  ]);
  const lines = rows.length
    ? await db
        .select({ orderId: orderItems.orderId, title: orderItems.title, quantity: orderItems.quantity })
        .from(orderItems)
        .where(inArray(orderItems.orderId, rows.map((r) => r.id)))
        .orderBy(asc(orderItems.id))
    : [];
  return {
    rows: rows.map((row) => ({ ...row, lines: lines.filter((l) => l.orderId === row.id).map(({ title, quantity }) => ({ title, quantity })) })),
    total: total?.n ?? 0,
  };
}
