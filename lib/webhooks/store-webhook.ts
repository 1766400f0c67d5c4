import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { WebhookConsumer } from './consumers';

const SOURCE_MAX = 32; // webhook_events.source
const EVENT_ID_MAX = 100; // webhook_events.event_id
const TYPE_MAX = 64; // webhook_events.type

export type WebhookDelivery = {
  /** Who sent it: a gateway (`sandbox`, `stripe`), a marketplace (`1688`), a carrier service. */
  source: string;
  /** The sender's id of the event; (source, event id) is stored once. */
  eventId: string;
  type: string;
  /** What the consumer will read back: the raw body, or the verified form fields as JSON. */
  payload: string;
  consumer: WebhookConsumer;
};

export type StoredWebhook = { id: number; isNew: boolean };

/**
 * The one intake for webhooks, step 3 of the recipe (after the caller verified the delivery on
 * its raw body, before it answers 2xx): stores `(source, event id)` once with the consumer that
 * owns it. A redelivery only bumps `deliveries` (its consumer stays the first one's), so it is never
 * applied twice. Safe under concurrent deliveries of one event (the unique index decides).
 */
export async function storeWebhook(db: Database, delivery: WebhookDelivery): Promise<StoredWebhook> {
  const { source, eventId, consumer } = delivery;
  if (source.length === 0 || source.length > SOURCE_MAX) throw new AppError('bad_request', 'Invalid webhook source');
  if (eventId.length === 0 || eventId.length > EVENT_ID_MAX) throw new AppError('bad_request', 'Invalid event id');
  const [result] = await db
    .insert(webhookEvents)
    .values({ source, eventId, consumer, type: delivery.type.slice(0, TYPE_MAX), payload: delivery.payload })
    .onDuplicateKeyUpdate({ set: { deliveries: sql`${webhookEvents.deliveries} + 1` } });
  // MySQL reports 1 affected row for an insert and 2 for an update of an existing row.
  if (result.affectedRows === 1) return { id: result.insertId, isNew: true };
  const [row] = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.source, source), eq(webhookEvents.eventId, eventId)));
  return { id: row!.id, isNew: false };
}
