import 'server-only';
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders } from '@/db/schema/orders';
import { priceDifferences } from '@/db/schema/purchasing';

export type ShopperDifference = {
  id: number;
  status: (typeof priceDifferences.$inferSelect)['status'];
  chargeMinor: number;
  chargeCurrency: string;
  createdAt: Date;
  lines: { orderItemId: number; title: string; quantity: number; paidUnitMinor: number; upstreamUnitMinor: number }[];
};

/**
 * The price-difference requests of one of the user's orders (scoped by owner in the query). A rise
 * too small to charge in the order's currency was absorbed by the agent: not the shopper's concern.
 */
export async function listOrderDifferences(db: Database, userId: number, orderNumber: string): Promise<ShopperDifference[]> {
  const rows = await db
    .select({
      id: priceDifferences.id,
      status: priceDifferences.status,
      chargeMinor: priceDifferences.chargeMinor,
      chargeCurrency: priceDifferences.chargeCurrency,
      createdAt: priceDifferences.createdAt,
      lines: priceDifferences.lines,
    })
    .from(priceDifferences)
    .innerJoin(orders, eq(orders.id, priceDifferences.orderId))
    .where(and(eq(orders.number, orderNumber), eq(orders.userId, userId), or(ne(priceDifferences.status, 'paid'), ne(priceDifferences.chargeMinor, 0))))
    .orderBy(asc(priceDifferences.id));
  const itemIds = rows.flatMap((row) => row.lines.map((line) => line.orderItemId));
  const titles = itemIds.length
    ? new Map((await db.select({ id: orderItems.id, title: orderItems.title }).from(orderItems).where(inArray(orderItems.id, itemIds))).map((i) => [i.id, i.title]))
    : new Map<number, string>();
  return rows.map((row) => ({ ...row, lines: row.lines.map((line) => ({ ...line, title: titles.get(line.orderItemId) ?? '' })) }));
}
