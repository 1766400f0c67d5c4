import 'server-only';
import { and, count, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { eventDeliveries, type EventDeliveryStatus } from '@/db/schema/events';
import { orderEvents, orders } from '@/db/schema/orders';

/** What /admin/events lists: deliveries in trouble first (retrying or dead), or one status. */
export const deliveryViews = ['failing', 'dead', 'pending', 'done'] as const;
export type DeliveryView = (typeof deliveryViews)[number];

export type DeliveryRow = {
  id: number;
  eventId: number;
  eventType: string;
  subscriber: string;
  subjectType: string;
  subjectId: number;
  orderNumber: string | null;
  status: EventDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  isRunning: boolean;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

/** Per subscriber: waiting for a first attempt, retrying after a failure, dead, and done in the last 24 hours. */
export type DeliverySummary = { subscriber: string; pending: number; retrying: number; dead: number; done: number }[];

const DAY_MS = 24 * 60 * 60_000;

function whereFor(view: DeliveryView): SQL | undefined {
  switch (view) {
    case 'failing':
      // Retrying (pending after at least one failure) or dead.
      return sql`(${eventDeliveries.status} = 'dead' or (${eventDeliveries.status} = 'pending' and ${eventDeliveries.lastError} is not null))`;
    default:
      return eq(eventDeliveries.status, view);
  }
}

export async function listDeliveries(db: Database, { view, page, pageSize }: { view: DeliveryView; page: number; pageSize: number }) {
  const where = whereFor(view);
  const now = new Date();
  const [rows, [total], summary] = await Promise.all([
    db
      .select({
        id: eventDeliveries.id,
        eventId: eventDeliveries.eventId,
        eventType: eventDeliveries.eventType,
        subscriber: eventDeliveries.subscriber,
        subjectType: eventDeliveries.subjectType,
        subjectId: eventDeliveries.subjectId,
        orderNumber: orders.number,
        status: eventDeliveries.status,
        attempts: eventDeliveries.attempts,
        nextAttemptAt: eventDeliveries.nextAttemptAt,
        leaseUntil: eventDeliveries.leaseUntil,
        lastError: eventDeliveries.lastError,
        deliveredAt: eventDeliveries.deliveredAt,
        createdAt: eventDeliveries.createdAt,
      })
      .from(eventDeliveries)
      .innerJoin(orderEvents, eq(orderEvents.id, eventDeliveries.eventId))
      .leftJoin(orders, eq(orders.id, orderEvents.orderId))
      .where(where)
      .orderBy(desc(eventDeliveries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(eventDeliveries).where(where),
    db
      .select({
        subscriber: eventDeliveries.subscriber,
        pending: sql<string>`sum(${eventDeliveries.status} = 'pending' and ${eventDeliveries.lastError} is null)`,
        retrying: sql<string>`sum(${eventDeliveries.status} = 'pending' and ${eventDeliveries.lastError} is not null)`,
        dead: sql<string>`sum(${eventDeliveries.status} = 'dead')`,
        done: sql<string>`sum(${eventDeliveries.status} = 'done')`,
      })
      .from(eventDeliveries)
      // Done rows only from the last day (their last attempt's time, on the status index): the table grows with every event.
      .where(or(inArray(eventDeliveries.status, ['pending', 'dead']), and(eq(eventDeliveries.status, 'done'), gt(eventDeliveries.nextAttemptAt, new Date(now.getTime() - DAY_MS)))))
      .groupBy(eventDeliveries.subscriber)
      .orderBy(eventDeliveries.subscriber),
  ]);
  return {
    rows: rows.map(({ leaseUntil, ...row }): DeliveryRow => ({ ...row, isRunning: leaseUntil !== null && leaseUntil > now })),
    total: total?.n ?? 0,
    page,
    pageSize,
    summary: summary.map((s) => ({ subscriber: s.subscriber, pending: Number(s.pending ?? 0), retrying: Number(s.retrying ?? 0), dead: Number(s.dead ?? 0), done: Number(s.done ?? 0) })) as DeliverySummary,
  };
}
