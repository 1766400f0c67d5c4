import { char, index, int, json, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { at, id, ref, timestamps } from './columns';

/** 17TRACK's main statuses (lib/tracking's `trackingStatuses`; kept here because db/ imports nothing from lib/). */
export const shipmentStatuses = ['NotFound', 'InfoReceived', 'InTransit', 'Expired', 'AvailableForPickup', 'OutForDelivery', 'DeliveryFailure', 'Delivered', 'Exception'] as const;

/**
 * An international parcel on its way to the shopper: one row per tracking number Ferry dispatched.
 * The parcel it carries is `parcel_id` (no foreign key: the parcels module owns that table). Status
 * and sub-status are the carrier's as 17TRACK reports them, moved only by an update whose newest
 * event is newer than `latest_event_at` (webhooks arrive duplicated and out of order). A stopped
 * tracking (`stopped_at`) keeps its status and events, readable on the public page.
 */
export const shipments = mysqlTable(
  'shipments',
  {
    id: id(),
    number: varchar('number', { length: 50 }).notNull(),
    /** Ferry's carrier id (lib/shipping-tracking/carriers.ts), e.g. `china-post`. */
    carrier: varchar('carrier', { length: 32 }).notNull(),
    parcelId: ref('parcel_id'),
    /** ISO 3166-1 alpha-2 destination; the only place shown on the public page besides the carrier's own events. */
    country: char('country', { length: 2 }).notNull(),
    status: mysqlEnum('status', shipmentStatuses).notNull().default('NotFound'),
    subStatus: varchar('sub_status', { length: 48 }).notNull().default('NotFound_Other'),
    latestEventAt: at('latest_event_at'),
    deliveredAt: at('delivered_at'),
    stoppedAt: at('stopped_at'),
    /** Accepted by 17TRACK (or already known to it); null until then, retried by the periodic job. */
    registeredAt: at('registered_at'),
    registerAttempts: int('register_attempts').notNull().default(0),
    registerError: varchar('register_error', { length: 255 }),
    /** Where the shopper's tracking emails go until the parcels module resolves the parcel's owner. */
    notifyEmail: varchar('notify_email', { length: 254 }),
    locale: varchar('locale', { length: 8 }).notNull().default('en'),
    /** What the label prints (sender, receiver, customs lines) as the dispatcher gave it; staff only, never on the public page. */
    label: json('label').$type<Record<string, unknown>>(),
    /**
     * Staff marked the carrier's problem (exception, failed delivery, expired) as handled: the carrier
     * event time they saw (`latest_event_at` then), who, and their note. The problem leaves the board's
     * exceptions tab until the carrier reports something newer.
     */
    problemHandledEventAt: at('problem_handled_event_at'),
    problemHandledBy: ref('problem_handled_by'),
    problemHandledNote: varchar('problem_handled_note', { length: 500 }),
    version: int('version').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('shipments_number_uq').on(t.number),
    index('shipments_parcel_idx').on(t.parcelId),
    index('shipments_unregistered_idx').on(t.registeredAt, t.id),
    index('shipments_status_event_idx').on(t.status, t.latestEventAt),
  ],
);

/**
 * The carrier's events of a shipment as received, each stored once: unique on (shipment, time,
 * status, hash of the description), so a duplicated or reordered webhook adds nothing twice.
 */
export const trackingEvents = mysqlTable(
  'tracking_events',
  {
    id: id(),
    shipmentId: ref('shipment_id').notNull(),
    at: at('at').notNull(),
    status: mysqlEnum('status', shipmentStatuses).notNull(),
    subStatus: varchar('sub_status', { length: 48 }).notNull(),
    description: varchar('description', { length: 500 }).notNull(),
    descriptionHash: char('description_hash', { length: 64 }).notNull(),
    location: varchar('location', { length: 200 }),
    createdAt: at('created_at').notNull().$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex('tracking_events_uq').on(t.shipmentId, t.at, t.status, t.descriptionHash), index('tracking_events_shipment_at_idx').on(t.shipmentId, t.at)],
);
