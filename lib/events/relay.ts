import 'server-only';
import { and, asc, eq, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { Database } from '@/db/client';
import { eventDeliveries } from '@/db/schema/events';
import { orderEvents } from '@/db/schema/orders';
import type { Actor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';
import type { RelayedEvent, Subscriber } from './subscriber';

/** How long a claimed delivery belongs to the relay that claimed it (a crashed relay's rows come back after it). */
export const LEASE_MS = 60_000;
const PUBLISH_BATCH = 200;
const DELIVER_BATCH = 200;
/**
 * Read committed: the relay's locking reads lock the rows they return, not the gaps between them, so
 * a checkout appending its `order.created` event never waits on a relay pass.
 */
const LOCK_ROWS_ONLY = { isolationLevel: 'read committed' } as const;

/**
 * Fans the outbox out: takes the oldest unpublished `order_events` (locked, so two relays never
 * publish the same event twice or out of order), writes one delivery per subscriber of each
 * event's type, and marks the events published — one transaction. An event nobody subscribes to
 * is published with no delivery. Returns how many events were published.
 */
export async function publishEvents(db: Database, subscribers: readonly Subscriber[], now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select({ id: orderEvents.id, type: orderEvents.type, subjectType: orderEvents.subjectType, subjectId: orderEvents.subjectId })
      .from(orderEvents)
      .where(isNull(orderEvents.publishedAt))
      .orderBy(asc(orderEvents.id))
      .limit(PUBLISH_BATCH)
      .for('update');
    if (events.length === 0) return 0;
    const deliveries = events.flatMap((event) =>
      subscribers
        .filter((s) => s.types.includes(event.type))
        .map((s) => ({ eventId: event.id, subscriber: s.name, subjectType: event.subjectType, subjectId: event.subjectId, eventType: event.type, nextAttemptAt: now })),
    );
    // A delivery already there (written before a crash lost the commit's answer) stays as it is.
    if (deliveries.length > 0) await tx.insert(eventDeliveries).values(deliveries).onDuplicateKeyUpdate({ set: { eventId: sql`${eventDeliveries.eventId}` } });
    await tx.update(orderEvents).set({ publishedAt: now }).where(inArray(orderEvents.id, events.map((e) => e.id)));
    return events.length;
  }, LOCK_ROWS_ONLY);
}

type Claimed = { id: number; eventId: number; subscriber: string; attempts: number };

/**
 * Claims due deliveries under a lease (SKIP LOCKED: relays on several servers share the work, never
 * the same row) and counts the attempt. A delivery is due when it is pending, its time has come,
 * no live lease holds it, and no earlier event of the same subject still waits for the same
 * subscriber: one subject's events reach a subscriber in the order they happened.
 */
async function claimDue(db: Database, now: Date, limit: number): Promise<Claimed[]> {
  const earlier = alias(eventDeliveries, 'earlier');
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: eventDeliveries.id, eventId: eventDeliveries.eventId, subscriber: eventDeliveries.subscriber, attempts: eventDeliveries.attempts })
      .from(eventDeliveries)
      .where(
        and(
          eq(eventDeliveries.status, 'pending'),
          lte(eventDeliveries.nextAttemptAt, now),
          or(isNull(eventDeliveries.leaseUntil), lt(eventDeliveries.leaseUntil, now)),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(earlier)
              .where(
                and(
                  eq(earlier.subscriber, eventDeliveries.subscriber),
                  eq(earlier.subjectType, eventDeliveries.subjectType),
                  eq(earlier.subjectId, eventDeliveries.subjectId),
                  eq(earlier.status, 'pending'),
                  lt(earlier.eventId, eventDeliveries.eventId),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(eventDeliveries.eventId))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    await tx
      .update(eventDeliveries)
      .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${eventDeliveries.attempts} + 1` })
      .where(inArray(eventDeliveries.id, rows.map((r) => r.id)));
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  }, LOCK_ROWS_ONLY);
}

export type DeliveryRun = { delivered: number; failed: number; dead: number };

/**
 * Runs the due deliveries once: each subscriber's share in order, the subscribers side by side, so a
 * slow or failing one holds back only its own. Success marks the row done; a failure schedules the
 * next attempt (retryDelayMs) or, after MAX_ATTEMPTS, leaves it dead with the last error.
 */
export async function deliverDue(db: Database, subscribers: readonly Subscriber[], now = new Date(), limit = DELIVER_BATCH): Promise<DeliveryRun> {
  const claimed = await claimDue(db, now, limit);
  const run: DeliveryRun = { delivered: 0, failed: 0, dead: 0 };
  if (claimed.length === 0) return run;
  const events = await db
    .select({
      id: orderEvents.id,
      type: orderEvents.type,
      subjectType: orderEvents.subjectType,
      subjectId: orderEvents.subjectId,
      orderId: orderEvents.orderId,
      payload: orderEvents.payload,
      createdAt: orderEvents.createdAt,
    })
    .from(orderEvents)
    .where(inArray(orderEvents.id, [...new Set(claimed.map((c) => c.eventId))]));
  const eventById = new Map<number, RelayedEvent>(events.map((e) => [e.id, e]));
  const bySubscriber = new Map<string, Claimed[]>();
  for (const c of claimed) {
    const share = bySubscriber.get(c.subscriber);
    if (share) share.push(c);
    else bySubscriber.set(c.subscriber, [c]);
  }
  await Promise.all(
    [...bySubscriber].map(async ([name, deliveries]) => {
      const subscriber = subscribers.find((s) => s.name === name);
      const done: number[] = [];
      // Successes are marked done together (one statement per subscriber's share), after each
      // failure and at the end, so a crash loses at most the marks of a share: those run again.
      const markDone = async () => {
        if (done.length === 0) return;
        await db
          .update(eventDeliveries)
          .set({ status: 'done', deliveredAt: new Date(), leaseUntil: null, lastError: null })
          .where(and(inArray(eventDeliveries.id, done.splice(0)), eq(eventDeliveries.status, 'pending')));
      };
      for (const delivery of deliveries) {
        const event = eventById.get(delivery.eventId);
        let error: string | null = null;
        try {
          if (!subscriber) throw new Error(`no subscriber named ${name} is registered`);
          if (!event) throw new Error(`event ${delivery.eventId} is gone`);
          await subscriber.handle(event, { db, deliveryKey: `${name}:${delivery.eventId}`, attempt: delivery.attempts });
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        if (error === null) {
          done.push(delivery.id);
          run.delivered++;
          continue;
        }
        await markDone();
        const outcome = await settleFailure(db, delivery, error);
        run[outcome]++;
        console.warn(`[events] ${name} failed on event ${delivery.eventId} (attempt ${delivery.attempts}${outcome === 'dead' ? ', dead' : ''}): ${error}`);
      }
      await markDone();
    }),
  );
  return run;
}

async function settleFailure(db: Database, delivery: Claimed, error: string): Promise<'failed' | 'dead'> {
  // Only the relay holding this attempt writes its failure: one whose lease ran out and was claimed
  // again by another relay leaves the row to that one.
  const mine = and(eq(eventDeliveries.id, delivery.id), eq(eventDeliveries.status, 'pending'), eq(eventDeliveries.attempts, delivery.attempts));
  const isDead = delivery.attempts >= MAX_ATTEMPTS;
  await db
    .update(eventDeliveries)
    .set({
      status: isDead ? 'dead' : 'pending',
      nextAttemptAt: new Date(Date.now() + (isDead ? 0 : retryDelayMs(delivery.attempts))),
      leaseUntil: null,
      lastError: error.slice(0, 500),
    })
    .where(mine);
  return isDead ? 'dead' : 'failed';
}

/** One pass: publish what is new, then deliver what is due, until both are drained (bounded). */
export async function runRelay(db: Database, subscribers: readonly Subscriber[]): Promise<{ published: number } & DeliveryRun> {
  const total = { published: 0, delivered: 0, failed: 0, dead: 0 };
  for (let round = 0; round < 20; round++) {
    const published = await publishEvents(db, subscribers);
    const run = await deliverDue(db, subscribers);
    total.published += published;
    total.delivered += run.delivered;
    total.failed += run.failed;
    total.dead += run.dead;
    if (published === 0 && run.delivered + run.failed + run.dead === 0) break;
  }
  return total;
}

/**
 * Staff's "retry" on /admin/events: a dead delivery, or one waiting out its backoff, gets a fresh set
 * of attempts now. One that a relay is running right now is left to it. Returns whether it was retried.
 */
export async function retryDelivery(db: Database, deliveryId: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [result] = await tx
      .update(eventDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null })
      .where(and(eq(eventDeliveries.id, deliveryId), or(eq(eventDeliveries.status, 'dead'), and(eq(eventDeliveries.status, 'pending'), isNull(eventDeliveries.leaseUntil)))));
    if (result.affectedRows !== 1) return false;
    await recordAudit(tx, actor, 'event.delivery_retried', { type: 'event_delivery', id: deliveryId });
    return true;
  });
}
