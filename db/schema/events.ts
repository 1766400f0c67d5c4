import { index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, ref } from './columns';

export const eventDeliveryStatuses = ['pending', 'done', 'dead'] as const;
export type EventDeliveryStatus = (typeof eventDeliveryStatuses)[number];

/**
 * One outbox event (`order_events`) owed to one subscriber (lib/events). The relay writes a row per
 * subscriber of the event's type when it publishes the event, then claims due rows under a lease,
 * runs the subscriber, and marks the row done — or schedules the next attempt with backoff, until
 * it is dead after the last attempt. A subject's deliveries to one subscriber run in event order.
 */
export const eventDeliveries = mysqlTable(
  'event_deliveries',
  {
    id: id(),
    eventId: ref('event_id').notNull(),
    subscriber: varchar('subscriber', { length: 64 }).notNull(),
    /** Copied from the event: a subject's deliveries wait for its earlier ones to the same subscriber. */
    subjectType: varchar('subject_type', { length: 32 }).notNull(),
    subjectId: ref('subject_id').notNull(),
    eventType: varchar('event_type', { length: 48 }).notNull(),
    status: mysqlEnum('status', eventDeliveryStatuses).notNull().default('pending'),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** A relay that claimed the row runs it until then; after that another may claim it again. */
    leaseUntil: at('lease_until'),
    lastError: varchar('last_error', { length: 500 }),
    deliveredAt: at('delivered_at'),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('event_deliveries_subscriber_event_uq').on(t.subscriber, t.eventId),
    // The relay's claim walks pending rows in event order; the summary counts by status and time.
    index('event_deliveries_claim_idx').on(t.status, t.eventId),
    index('event_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    // "An earlier event of this subject still waits for this subscriber": one index dive per candidate.
    index('event_deliveries_subject_idx').on(t.subscriber, t.subjectType, t.subjectId, t.status, t.eventId),
  ],
);
