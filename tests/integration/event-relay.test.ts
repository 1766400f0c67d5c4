import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, eventDeliveries, orderEvents } from '@/db/schema';
import { MAX_ATTEMPTS } from '@/lib/events/backoff';
import { deliverDue, LEASE_MS, publishEvents, retryDelivery, runRelay } from '@/lib/events/relay';
import type { RelayedEvent, Subscriber } from '@/lib/events/subscriber';
import { createTestDatabase } from '../support/test-database';

// The relay against a real MariaDB: events are synthetic subjects (no order), subscribers record what they get.
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const db = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_relay');
});
afterAll(async () => handle?.drop());
beforeEach(async () => {
  await db().delete(eventDeliveries);
  await db().delete(orderEvents);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function emit(subjectId: number, type: string, payload: Record<string, unknown> = {}): Promise<number> {
  const [row] = await db().insert(orderEvents).values({ subjectType: 'test_subject', subjectId, type, payload }).$returningId();
  return row!.id;
}

function recorder(name: string, types: string[], fail: (event: RelayedEvent, attempt: number) => boolean = () => false) {
  const seen: { eventId: number; attempt: number; key: string }[] = [];
  const subscriber: Subscriber = {
    name,
    types,
    async handle(event, { deliveryKey, attempt }) {
      seen.push({ eventId: event.id, attempt, key: deliveryKey });
      if (fail(event, attempt)) throw new Error(`${name} refused ${event.type}`);
    },
  };
  return { subscriber, seen };
}

const staff = { type: 'user' as const, id: 1, label: 'admin@ferry.test' };
const deliveriesOf = (subscriber: string) => db().select().from(eventDeliveries).where(eq(eventDeliveries.subscriber, subscriber)).orderBy(asc(eventDeliveries.eventId));

describe('event relay', () => {
  it('delivers each event to the subscribers of its type, once, and publishes events nobody wants', async () => {
    const mail = recorder('mail', ['thing.created', 'thing.paid']);
    const stock = recorder('stock', ['thing.paid']);
    const created = await emit(1, 'thing.created');
    const paid = await emit(1, 'thing.paid');
    const ignored = await emit(1, 'thing.viewed');

    const run = await runRelay(db(), [mail.subscriber, stock.subscriber]);
    expect(run).toMatchObject({ published: 3, delivered: 3, failed: 0, dead: 0 });
    expect(mail.seen.map((s) => [s.eventId, s.attempt, s.key])).toEqual([
      [created, 1, `mail:${created}`],
      [paid, 1, `mail:${paid}`],
    ]);
    expect(stock.seen.map((s) => s.eventId)).toEqual([paid]);
    expect(await db().select().from(orderEvents).where(isNull(orderEvents.publishedAt))).toEqual([]);
    expect((await db().select().from(eventDeliveries).where(eq(eventDeliveries.eventId, ignored))).length).toBe(0);
    // Nothing is delivered twice.
    expect(await runRelay(db(), [mail.subscriber, stock.subscriber])).toMatchObject({ published: 0, delivered: 0 });
    expect(mail.seen).toHaveLength(2);
  });

  it('retries a failing subscriber with backoff while the others go on', async () => {
    const broken = recorder('broken', ['thing.paid'], () => true);
    const healthy = recorder('healthy', ['thing.paid']);
    const eventId = await emit(2, 'thing.paid');
    const before = Date.now();
    expect(await runRelay(db(), [broken.subscriber, healthy.subscriber])).toMatchObject({ delivered: 1, failed: 1 });
    expect(healthy.seen.map((s) => s.eventId)).toEqual([eventId]);
    const [row] = await deliveriesOf('broken');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'broken refused thing.paid', leaseUntil: null });
    // First backoff: between 2.5 and 5 s from now.
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 2_500);
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
    // Not due yet: a second pass leaves it alone.
    await runRelay(db(), [broken.subscriber, healthy.subscriber]);
    expect(broken.seen).toHaveLength(1);
    // Once due, it is tried again with the same delivery key.
    expect(await deliverDue(db(), [broken.subscriber], new Date(Date.now() + 6_000))).toMatchObject({ failed: 1 });
    expect(broken.seen.map((s) => [s.attempt, s.key])).toEqual([
      [1, `broken:${eventId}`],
      [2, `broken:${eventId}`],
    ]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and staff can retry a dead delivery`, async () => {
    let isDown = true;
    const flaky = recorder('flaky', ['thing.paid'], () => isDown);
    await emit(3, 'thing.paid');
    await publishEvents(db(), [flaky.subscriber]);
    const later = (n: number) => new Date(Date.now() + n * 3_600_000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) await deliverDue(db(), [flaky.subscriber], later(attempt));
    const [dead] = await deliveriesOf('flaky');
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'flaky refused thing.paid' });
    expect(await deliverDue(db(), [flaky.subscriber], later(99))).toMatchObject({ delivered: 0, failed: 0, dead: 0 });

    isDown = false;
    expect(await retryDelivery(db(), dead!.id, staff)).toBe(true);
    expect(await runRelay(db(), [flaky.subscriber])).toMatchObject({ delivered: 1 });
    expect((await deliveriesOf('flaky'))[0]).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(await retryDelivery(db(), dead!.id, staff)).toBe(false);
    const trail = await db().select().from(auditLog).where(eq(auditLog.action, 'event.delivery_retried'));
    expect(trail.map((a) => [a.actorId, a.subjectType, a.subjectId])).toEqual([['1', 'event_delivery', String(dead!.id)]]);
  });

  it("keeps one subject's events in order for a subscriber; other subjects are not held up", async () => {
    let firstTries = 0;
    const ordered = recorder('ordered', ['thing.created', 'thing.paid'], (event) => event.type === 'thing.created' && event.subjectId === 4 && ++firstTries === 1);
    const created = await emit(4, 'thing.created');
    const paid = await emit(4, 'thing.paid');
    const elsewhere = await emit(5, 'thing.paid');
    await runRelay(db(), [ordered.subscriber]);
    // 4's payment waits behind its failed creation; subject 5 went through.
    expect(ordered.seen.map((s) => s.eventId)).toEqual([created, elsewhere]);
    await deliverDue(db(), [ordered.subscriber], new Date(Date.now() + 6_000));
    await deliverDue(db(), [ordered.subscriber], new Date(Date.now() + 6_000));
    expect(ordered.seen.map((s) => s.eventId)).toEqual([created, elsewhere, created, paid]);
  });

  it('shares the work between relays running at once without delivering an event twice', async () => {
    const counted = recorder('counted', ['thing.paid']);
    const ids: number[] = [];
    for (let i = 0; i < 120; i++) ids.push(await emit(100 + (i % 30), 'thing.paid'));
    await Promise.all(Array.from({ length: 4 }, () => runRelay(db(), [counted.subscriber])));
    await runRelay(db(), [counted.subscriber]);
    expect(counted.seen.map((s) => s.eventId).sort((a, b) => a - b)).toEqual(ids);
    const [{ done }] = (await db()
      .select({ done: sql<number>`count(*)` })
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.subscriber, 'counted'), eq(eventDeliveries.status, 'done'), inArray(eventDeliveries.eventId, ids)))) as [{ done: number }];
    expect(Number(done)).toBe(120);
  });

  it("takes over a delivery whose relay died holding it, once the lease runs out", async () => {
    const survivor = recorder('survivor', ['thing.paid']);
    const eventId = await emit(6, 'thing.paid');
    await publishEvents(db(), [survivor.subscriber]);
    // A relay claimed it and died before writing the outcome.
    await db().update(eventDeliveries).set({ attempts: 1, leaseUntil: new Date(Date.now() + LEASE_MS) }).where(eq(eventDeliveries.eventId, eventId));
    expect(await deliverDue(db(), [survivor.subscriber])).toMatchObject({ delivered: 0 });
    expect(await deliverDue(db(), [survivor.subscriber], new Date(Date.now() + LEASE_MS + 1_000))).toMatchObject({ delivered: 1 });
    expect(survivor.seen.map((s) => s.attempt)).toEqual([2]);
  });

  it('marks a delivery for a subscriber that no longer exists as failed, not lost', async () => {
    const gone = recorder('gone', ['thing.paid']);
    await emit(7, 'thing.paid');
    await publishEvents(db(), [gone.subscriber]);
    expect(await deliverDue(db(), [])).toMatchObject({ failed: 1 });
    expect((await deliveriesOf('gone'))[0]).toMatchObject({ status: 'pending', lastError: 'no subscriber named gone is registered' });
  });
});
