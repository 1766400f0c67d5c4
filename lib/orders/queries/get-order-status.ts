import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, type OrderStatus } from '@/db/schema/orders';

/** The status of one of the user's orders; null for an unknown number or another user's order. */
export async function getOrderStatus(db: Database, userId: number, number: string): Promise<{ number: string; status: OrderStatus } | null> {
  const [row] = await db
    .select({ number: orders.number, status: orders.status })
    .from(orders)
    .where(and(eq(orders.number, number), eq(orders.userId, userId)))
    .limit(1);
  return row ?? null;
}
