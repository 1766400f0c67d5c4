import 'server-only';
import { and, asc, count, eq, gt, gte, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems, orders, type FulfilmentStatus } from '@/db/schema/orders';
import { getSettings } from '@/lib/settings/read-settings';
import { warehouseDayStart } from '../warehouse-day';
import { DAY_MS, storageClock, storedStatuses, type StorageClock } from '../storage/storage-clock';

/** Views of stored items: past their free period, ending within 14 days, and the QC stages the board counts. */
export const storedItemViews = ['expired', 'expiring', 'awaiting_photos', 'awaiting_decision', 'returns', 'arrived_today'] as const;
export type StoredItemView = (typeof storedItemViews)[number];
/** The storage queue's views (/admin/warehouse/storage). */
export const storageQueueViews = ['expired', 'expiring'] as const satisfies readonly StoredItemView[];

export const EXPIRING_WITHIN_DAYS = 14;

export type StoredItem = {
  id: number;
  orderNumber: string;
  title: string;
  quantity: number;
  status: FulfilmentStatus;
  storageBin: string | null;
  receivedAt: Date;
  storage: StorageClock;
};

/**
 * Where a view's items are, as SQL on order_items: storage views compare `received_at` with the
 * instants free storage would have to have started (`now − freeDays`), so they use the
 * (fulfilment_status, received_at) index; "arrived today" counts from the warehouse's midnight.
 */
export function storedItemWhere(view: StoredItemView, now: Date, freeDays: number, dayStart: Date): SQL {
  const stored = inArray(orderItems.fulfilmentStatus, [...storedStatuses]);
  const endedBy = new Date(now.getTime() - freeDays * DAY_MS);
  switch (view) {
    case 'expired':
      return and(stored, lte(orderItems.receivedAt, endedBy)) as SQL;
    case 'expiring':
      return and(stored, gt(orderItems.receivedAt, endedBy), lte(orderItems.receivedAt, new Date(endedBy.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS))) as SQL;
    case 'awaiting_photos':
      return and(eq(orderItems.fulfilmentStatus, 'in_warehouse'), isNull(orderItems.qcReadyAt)) as SQL;
    case 'awaiting_decision':
      return and(eq(orderItems.fulfilmentStatus, 'in_warehouse'), isNotNull(orderItems.qcReadyAt)) as SQL;
    case 'returns':
      return eq(orderItems.fulfilmentStatus, 'return_requested');
    case 'arrived_today':
      return gte(orderItems.receivedAt, dayStart);
  }
}

/** One page of a view, oldest arrival first (the longest stored lead), each with its storage clock. */
export async function listStoredItems(
  db: Database,
  options: { view: StoredItemView; page: number; pageSize: number; now?: Date; dayStart?: Date; withTotal?: boolean },
): Promise<{ items: StoredItem[]; total: number | null; freeDays: number; feePerDayFen: number }> {
  const now = options.now ?? new Date();
  const settings = await getSettings(db);
  const freeDays = settings['warehouse.freeStorageDays'];
  const feePerDayFen = settings['warehouse.storageFeePerDayFen'];
  const where = storedItemWhere(options.view, now, freeDays, options.dayStart ?? warehouseDayStart(now));
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: orderItems.id,
        orderNumber: orders.number,
        title: orderItems.title,
        quantity: orderItems.quantity,
        status: orderItems.fulfilmentStatus,
        storageBin: orderItems.storageBin,
        receivedAt: orderItems.receivedAt,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(where)
      .orderBy(asc(orderItems.receivedAt), asc(orderItems.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    options.withTotal === false ? Promise.resolve(null) : db.select({ n: count() }).from(orderItems).where(where),
  ]);
  const items = rows.map((r) => ({ ...r, receivedAt: r.receivedAt!, storage: storageClock(r.receivedAt!, now, { freeDays, feePerDayFen }) }));
  return { items, total: totals ? (totals[0]?.n ?? 0) : null, freeDays, feePerDayFen };
}
