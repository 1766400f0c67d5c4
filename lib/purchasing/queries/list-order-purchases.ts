import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type PurchaseStatus } from '@/db/schema/orders';
import { purchaseOrders, type PurchaseOrderStatus } from '@/db/schema/purchasing';

export type OrderPurchaseLine = {
  itemId: number;
  title: string;
  quantity: number;
  purchaseStatus: PurchaseStatus | null;
  purchaseOrder: { id: number; reference: string; status: PurchaseOrderStatus; upstreamOrderId: string | null } | null;
};

/** Each line of an order with its purchase status and purchase order, for the admin order page. */
export async function listOrderPurchases(db: Database, orderNumber: string): Promise<OrderPurchaseLine[]> {
  const rows = await db
    .select({
      itemId: orderItems.id,
      title: orderItems.title,
      quantity: orderItems.quantity,
      purchaseStatus: orderItems.purchaseStatus,
      poId: purchaseOrders.id,
      reference: purchaseOrders.reference,
      poStatus: purchaseOrders.status,
      upstreamOrderId: purchaseOrders.upstreamOrderId,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, orderItems.purchaseOrderId))
    .where(eq(orders.number, orderNumber))
    .orderBy(asc(orderItems.id));
  return rows.map((row) => ({
    itemId: row.itemId,
    title: row.title,
    quantity: row.quantity,
    purchaseStatus: row.purchaseStatus,
    purchaseOrder: row.poId && row.reference && row.poStatus ? { id: row.poId, reference: row.reference, status: row.poStatus, upstreamOrderId: row.upstreamOrderId } : null,
  }));
}
