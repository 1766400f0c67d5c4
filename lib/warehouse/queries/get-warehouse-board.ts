import 'server-only';
import { and, asc, count, eq, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderItems } from '@/db/schema/orders';
import { purchaseOrders } from '@/db/schema/purchasing';
import { inboundShipments, unclaimedInbounds } from '@/db/schema/warehouse';
import { getSettings } from '@/lib/settings/read-settings';
import { lateCutoff } from '../lateness';
import { warehouseDayStart } from '../warehouse-day';
import { listStoredItems, storedItemViews, storedItemWhere, type StoredItem, type StoredItemView } from './list-stored-items';
import { listUnclaimedParcels, type UnclaimedParcel } from './list-unclaimed';

export const boardSections = ['expected', 'late', 'arrived_today', 'awaiting_photos', 'awaiting_decision', 'returns', 'unclaimed', 'expiring', 'expired'] as const;
export type BoardSection = (typeof boardSections)[number];

export type BoardParcel = { id: number; trackingNumber: string; carrierName: string | null; shippedAt: Date | null; purchaseOrderReference: string };

export type WarehouseBoard = {
  counts: Record<BoardSection, number>;
  items: Record<StoredItemView, StoredItem[]>;
  parcels: { expected: BoardParcel[]; late: BoardParcel[] };
  unclaimed: UnclaimedParcel[];
  dayStart: Date;
  lateAfterDays: number;
  feePerDayFen: number;
};

const SHORT_LIST = 10;

/**
 * The warehouse board: how many parcels and items wait in each state, and the first few of each.
 * One round of queries run side by side, none per row: three grouped counts (items by state with
 * SUM(CASE …), expected and late parcels, unclaimed parcels) and one short list per heading.
 * "Arrived today" counts from midnight in the warehouse (Asia/Shanghai).
 */
export async function getWarehouseBoard(db: Database, options: { now?: Date } = {}): Promise<WarehouseBoard> {
  const now = options.now ?? new Date();
  const dayStart = warehouseDayStart(now);
  const settings = await getSettings(db);
  const freeDays = settings['warehouse.freeStorageDays'];
  const lateAfterDays = settings['warehouse.inboundLateAfterDays'];
  const cutoff = lateCutoff(now, lateAfterDays);
  const expected = eq(inboundShipments.status, 'expected');
  const late = and(expected, isNotNull(inboundShipments.shippedAt), lt(inboundShipments.shippedAt, cutoff)) as SQL;

  const itemCounts = Object.fromEntries(
    storedItemViews.map((view) => [view, sql<string | null>`sum(case when ${storedItemWhere(view, now, freeDays, dayStart)} then 1 else 0 end)`]),
  ) as Record<StoredItemView, SQL<string | null>>;
  // Only rows some view can hold: stored (or at QC) items and today's arrivals.
  const anyView = or(...storedItemViews.map((view) => storedItemWhere(view, now, freeDays, dayStart))) as SQL;
  const parcels = (where: SQL) =>
    db
      .select({ id: inboundShipments.id, trackingNumber: inboundShipments.trackingNumber, carrierName: inboundShipments.carrierName, shippedAt: inboundShipments.shippedAt, purchaseOrderReference: purchaseOrders.reference })
      .from(inboundShipments)
      .innerJoin(purchaseOrders, eq(purchaseOrders.id, inboundShipments.purchaseOrderId))
      .where(where)
      .orderBy(asc(inboundShipments.shippedAt), asc(inboundShipments.id))
      .limit(SHORT_LIST);

  const [[items], [inbound], [unclaimedCount], expectedList, lateList, unclaimed, ...lists] = await Promise.all([
    db.select(itemCounts).from(orderItems).where(anyView),
    db.select({ expected: count(), late: sql<string | null>`sum(case when ${late} then 1 else 0 end)` }).from(inboundShipments).where(expected),
    db.select({ n: count() }).from(unclaimedInbounds).where(eq(unclaimedInbounds.status, 'unclaimed')),
    parcels(expected),
    parcels(late),
    listUnclaimedParcels(db, SHORT_LIST),
    ...storedItemViews.map((view) => listStoredItems(db, { view, page: 1, pageSize: SHORT_LIST, now, dayStart, withTotal: false })),
  ]);
  const n = (value: string | number | null | undefined) => Number(value ?? 0);
  const counts = {
    expected: n(inbound?.expected),
    late: n(inbound?.late),
    unclaimed: n(unclaimedCount?.n),
    ...Object.fromEntries(storedItemViews.map((view) => [view, n(items?.[view])])),
  } as Record<BoardSection, number>;
  return {
    counts,
    items: Object.fromEntries(storedItemViews.map((view, i) => [view, lists[i]!.items])) as Record<StoredItemView, StoredItem[]>,
    parcels: { expected: expectedList, late: lateList },
    unclaimed,
    dayStart,
    lateAfterDays,
    feePerDayFen: settings['warehouse.storageFeePerDayFen'],
  };
}
