import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sellers } from '@/db/schema/catalog';
import { orderItems, orders } from '@/db/schema/orders';
import { purchaseOrders, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import { purchasableStatuses } from '@/lib/orders/transitions';
import { listNotesToReview, type NoteToReview } from '../buyer-notes';

/** Dates arrive as Date from the server's prefetch and as ISO strings from the polled JSON. */
type Instant = Date | string;

export type QueueGroup = {
  sellerId: number;
  sellerName: string;
  platform: string;
  lines: number;
  quantity: number;
  skus: number;
  orders: number;
  expectedGoodsMinor: number;
  oldestPaidAt: Instant | null;
};

export type BoardPurchaseOrder = {
  id: number;
  reference: string;
  platform: string;
  sellerName: string;
  status: PurchaseOrderStatus;
  version: number;
  lines: number;
  expectedGoodsMinor: number;
  previewGoodsMinor: number | null;
  upstreamOrderId: string | null;
  upstreamStatus: string | null;
  upstreamTotalMinor: number | null;
  attempts: number;
  lastError: string | null;
  placedBy: string | null;
  placedAt: Instant | null;
  updatedAt: Instant;
  openRequests: number;
};

export type PurchaseBoard = {
  isAuto: boolean;
  /** Lines whose shopper left a note: a purchaser reads it before they may be bought. */
  notes: NoteToReview[];
  queue: QueueGroup[];
  inProgress: BoardPurchaseOrder[];
  awaitingShopper: BoardPurchaseOrder[];
  failed: BoardPurchaseOrder[];
  placed: BoardPurchaseOrder[];
};

const SECTION_LIMIT = 100;
const RECENT_LIMIT = 30;

/**
 * The purchasing board in six queries: notes to read, queued lines grouped per seller (oldest payment first),
 * then purchase orders in progress, waiting for shoppers, failed (newest first) and recently placed.
 */
export async function listPurchaseBoard(db: Database, isAuto: boolean): Promise<PurchaseBoard> {
  const [notes, queue, inProgress, awaitingShopper, failed, placed] = await Promise.all([
    listNotesToReview(db),
    queueGroups(db),
    purchaseOrderRows(db, ['claimed', 'previewed', 'placing'], asc(purchaseOrders.id), SECTION_LIMIT),
    purchaseOrderRows(db, ['awaiting_shopper'], asc(purchaseOrders.id), SECTION_LIMIT),
    purchaseOrderRows(db, ['failed'], desc(purchaseOrders.updatedAt), SECTION_LIMIT),
    purchaseOrderRows(db, ['placed'], desc(purchaseOrders.placedAt), RECENT_LIMIT),
  ]);
  return { isAuto, notes, queue, inProgress, awaitingShopper, failed, placed };
}

async function queueGroups(db: Database): Promise<QueueGroup[]> {
  const rows = await db
    .select({
      sellerId: orderItems.sellerId,
      sellerName: sellers.name,
      platform: sellers.platform,
      lines: sql<string>`count(*)`,
      quantity: sql<string>`sum(${orderItems.quantity})`,
      skus: sql<string>`count(distinct ${orderItems.skuId})`,
      orders: sql<string>`count(distinct ${orderItems.orderId})`,
      expectedGoodsMinor: sql<string>`sum(${orderItems.unitPriceCnyMinor} * ${orderItems.quantity})`,
      oldestPaidAt: sql<Date | null>`min(coalesce(${orders.paidAt}, ${orders.confirmedAt}))`.mapWith(orders.paidAt),
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(sellers, eq(sellers.id, orderItems.sellerId))
    .where(and(eq(orderItems.purchaseStatus, 'queued'), inArray(orders.status, purchasableStatuses)))
    .groupBy(orderItems.sellerId, sellers.name, sellers.platform)
    .orderBy(sql`min(coalesce(${orders.paidAt}, ${orders.confirmedAt}))`)
    .limit(SECTION_LIMIT);
  return rows.map((row) => ({
    ...row,
    lines: Number(row.lines),
    quantity: Number(row.quantity),
    skus: Number(row.skus),
    orders: Number(row.orders),
    expectedGoodsMinor: Number(row.expectedGoodsMinor),
  }));
}

async function purchaseOrderRows(db: Database, statuses: PurchaseOrderStatus[], order: ReturnType<typeof asc>, limit: number): Promise<BoardPurchaseOrder[]> {
  const rows = await db
    .select({
      id: purchaseOrders.id,
      reference: purchaseOrders.reference,
      platform: purchaseOrders.platform,
      sellerName: sellers.name,
      status: purchaseOrders.status,
      version: purchaseOrders.version,
      lines: sql<string>`(select count(*) from order_items i where i.purchase_order_id = ${purchaseOrders.id})`,
      expectedGoodsMinor: purchaseOrders.expectedGoodsMinor,
      previewGoodsMinor: purchaseOrders.previewGoodsMinor,
      upstreamOrderId: purchaseOrders.upstreamOrderId,
      upstreamStatus: purchaseOrders.upstreamStatus,
      upstreamTotalMinor: purchaseOrders.upstreamTotalMinor,
      attempts: purchaseOrders.attempts,
      lastError: purchaseOrders.lastError,
      placedBy: purchaseOrders.placedBy,
      placedAt: purchaseOrders.placedAt,
      updatedAt: purchaseOrders.updatedAt,
      openRequests: sql<string>`(select count(*) from price_differences d where d.purchase_order_id = ${purchaseOrders.id} and d.status = 'open')`,
    })
    .from(purchaseOrders)
    .innerJoin(sellers, eq(sellers.id, purchaseOrders.sellerId))
    .where(inArray(purchaseOrders.status, statuses))
    .orderBy(order)
    .limit(limit);
  return rows.map((row) => ({ ...row, lines: Number(row.lines), openRequests: Number(row.openRequests) }));
}
