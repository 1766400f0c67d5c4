import { and, asc, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { orderEvents, shipments, trackingEvents, webhookEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { createShipment } from '@/lib/shipping-tracking/create-shipment';
import { processPendingTrackingWebhooks, processTrackingWebhook } from '@/lib/shipping-tracking/process-tracking-webhook';
import { receiveTrackingWebhook } from '@/lib/shipping-tracking/receive-tracking-webhook';
import { demoJourney, signBody, trackingBody } from '../support/tracking-updates';
import { createTestDatabase } from '../support/test-database';

// 17TRACK's webhooks into shipments: verified and stored once by the intake, applied once by the
// tracking consumer; duplicated, reordered, forged and stopped updates, against a real database.

const key = 'ferry-test-17track-key-for-intake';
let test: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let seq = 0;

beforeAll(async () => {
  test = await createTestDatabase('ferry_test_shiptrack');
  db = test.db;
});
afterAll(async () => test?.drop());

async function newShipment(parcel?: number | null) {
  seq++;
  const parcelId = parcel === undefined ? 700 + seq : parcel;
  const number = `LX${String(10_000_000 + seq).padStart(8, '0')}0CN`;
  const { id } = await db.transaction((tx) => createShipment(tx, { parcelId, trackingNumber: number, carrier: 'china-post', country: 'JP', notifyEmail: 'shopper@ferry.test', locale: 'ja' }));
  return { id, number, parcelId };
}

/** Delivers a body as 17TRACK would (signed) and applies it as the route's after() would. */
async function deliver(body: string, sign = signBody(body, key)) {
  const stored = await receiveTrackingWebhook(db, body, sign, key);
  const outcome = stored.isNew ? await processTrackingWebhook(db, stored.id) : 'duplicate';
  return { ...stored, outcome };
}

const shipmentRow = async (id: number) => (await db.select().from(shipments).where(eq(shipments.id, id)))[0]!;
const eventsOf = (id: number) => db.select().from(trackingEvents).where(eq(trackingEvents.shipmentId, id)).orderBy(desc(trackingEvents.at));
const factsOf = (id: number) =>
  db
    .select({ type: orderEvents.type, payload: orderEvents.payload })
    .from(orderEvents)
    .where(and(eq(orderEvents.subjectType, 'shipment'), eq(orderEvents.subjectId, id)))
    .orderBy(asc(orderEvents.id));

describe('the 17TRACK webhook intake', () => {
  it('refuses a forged sign with a 400 and stores nothing', async () => {
    const { number } = await newShipment();
    const body = trackingBody(number, demoJourney(), 3);
    const before = (await db.select({ n: count() }).from(webhookEvents))[0]!.n;
    for (const sign of [signBody(body, 'not-the-key'), signBody(`${body} `, key), null, 'abc', signBody(body, key).toUpperCase()]) {
      const refused = await receiveTrackingWebhook(db, body, sign, key).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).status).toBe(400);
    }
    // A body changed after signing is refused too.
    const tampered = await receiveTrackingWebhook(db, body.replace('Guangzhou', 'Shenzhen'), signBody(body, key), key).catch((e: unknown) => e);
    expect((tampered as AppError).status).toBe(400);
    const after = (await db.select({ n: count() }).from(webhookEvents))[0]!.n;
    expect(after).toBe(before);
  });

  it('refuses a signed body that is not a 17TRACK update, storing nothing', async () => {
    const body = JSON.stringify({ event: 'SOMETHING_ELSE', data: { number: 'LX000000000CN' } });
    const refused = await receiveTrackingWebhook(db, body, signBody(body, key), key).catch((e: unknown) => e);
    expect((refused as AppError).status).toBe(400);
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.payload, body))).toHaveLength(0);
  });

  it('stores a duplicated delivery once and applies it once', async () => {
    const s = await newShipment();
    const body = trackingBody(s.number, demoJourney(), 4);
    const first = await deliver(body);
    const second = await deliver(body);
    expect(first).toMatchObject({ isNew: true, outcome: 'applied' });
    expect(second).toMatchObject({ isNew: false, id: first.id, outcome: 'duplicate' });
    const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, first.id));
    expect(row).toMatchObject({ deliveries: 2, consumer: 'tracking', source: '17track', outcome: 'applied' });
    expect(await eventsOf(s.id)).toHaveLength(4);
    expect(await shipmentRow(s.id)).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_Arrival', version: 1 });
  });

  it('keeps the newest status when updates arrive out of order: an older one after a newer one changes nothing', async () => {
    const s = await newShipment();
    const journey = demoJourney();
    expect((await deliver(trackingBody(s.number, journey, 6))).outcome).toBe('applied');
    const before = await shipmentRow(s.id);
    const eventsBefore = await eventsOf(s.id);
    for (const upTo of [2, 5, 1, 3]) expect((await deliver(trackingBody(s.number, journey, upTo))).outcome).toBe('not_newer');
    const after = await shipmentRow(s.id);
    expect(after).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_CustomsReleased', version: before.version, latestEventAt: new Date(journey[5]!.at) });
    expect(await eventsOf(s.id)).toEqual(eventsBefore);
    // Then the newer one moves it on.
    expect((await deliver(trackingBody(s.number, journey, 7))).outcome).toBe('applied');
    expect(await shipmentRow(s.id)).toMatchObject({ status: 'OutForDelivery' });
    expect((await eventsOf(s.id)).map((e) => e.subStatus)).toEqual(journey.slice(0, 7).map((e) => e.subStatus).reverse());
  });

  it('tells shipment.in_transit once and shipment.delivered exactly once, with the parcel, number and time', async () => {
    const s = await newShipment(4242);
    const journey = demoJourney();
    for (const upTo of [1, 2, 3, 8, 8, 7, 8]) await deliver(trackingBody(s.number, journey, upTo));
    // A newer copy that still says Delivered (17TRACK resends after a carrier's correction).
    const later = [...journey, { at: new Date(Date.parse(journey[7]!.at) + 60_000).toISOString(), subStatus: 'Delivered_Other', description: 'Delivered to the mailbox', location: 'Osaka, JP' }];
    expect((await deliver(trackingBody(s.number, later, 9))).outcome).toBe('applied');
    const facts = await factsOf(s.id);
    expect(facts.map((f) => f.type)).toEqual(['shipment.in_transit', 'shipment.delivered']);
    expect(facts[1]!.payload).toEqual({ parcelId: 4242, number: s.number, at: journey[7]!.at, subStatus: 'Delivered_Other' });
    expect(await shipmentRow(s.id)).toMatchObject({ status: 'Delivered', deliveredAt: new Date(journey[7]!.at) });
  });

  it('tells an exception when the carrier reports one', async () => {
    const s = await newShipment();
    const journey = demoJourney().slice(0, 3);
    journey.push({ at: new Date(Date.parse(journey[2]!.at) + 3_600_000).toISOString(), subStatus: 'Exception_Delayed', description: 'Delayed: waiting for space on a flight', location: 'Guangzhou, CN' });
    await deliver(trackingBody(s.number, journey, 4));
    expect((await factsOf(s.id)).map((f) => f.type)).toEqual(['shipment.exception']);
    expect(await shipmentRow(s.id)).toMatchObject({ status: 'Exception', subStatus: 'Exception_Delayed' });
  });

  it('marks a TRACKING_STOPPED shipment stopped and keeps its status and events', async () => {
    const s = await newShipment();
    const journey = demoJourney();
    await deliver(trackingBody(s.number, journey, 5));
    const before = await eventsOf(s.id);
    expect((await deliver(trackingBody(s.number, journey, 5, 'TRACKING_STOPPED'))).outcome).toBe('stopped');
    const row = await shipmentRow(s.id);
    expect(row.stoppedAt).toBeInstanceOf(Date);
    expect(row).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_CustomsProcessing' });
    expect(await eventsOf(s.id)).toEqual(before);
    // An older update after the stop still changes nothing.
    expect((await deliver(trackingBody(s.number, journey, 2))).outcome).toBe('not_newer');
  });

  it('stores an update for a number Ferry never dispatched as unknown_number', async () => {
    const body = trackingBody('LX999999999CN', demoJourney(), 2);
    const stored = await deliver(body);
    expect(stored.outcome).toBe('unknown_number');
    const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, stored.id));
    expect(row).toMatchObject({ outcome: 'unknown_number', error: 'unknown_number' });
    expect(row!.processedAt).toBeInstanceOf(Date);
  });

  it('leaves an update stored but not applied to the sweeper, which applies it once', async () => {
    const s = await newShipment();
    const body = trackingBody(s.number, demoJourney(), 3);
    const stored = await receiveTrackingWebhook(db, body, signBody(body, key), key);
    expect(stored.isNew).toBe(true);
    expect(await processPendingTrackingWebhooks(db, 0)).toBeGreaterThanOrEqual(1);
    expect(await processTrackingWebhook(db, stored.id)).toBe('already_processed');
    expect(await shipmentRow(s.id)).toMatchObject({ status: 'InTransit', subStatus: 'InTransit_Departure' });
  });

  it('refuses a second shipment under a number already used', async () => {
    const s = await newShipment();
    const again = await db.transaction((tx) => createShipment(tx, { parcelId: null, trackingNumber: s.number, carrier: 'china-post', country: 'JP' })).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('conflict');
    const bad = await db.transaction((tx) => createShipment(tx, { parcelId: -1, trackingNumber: 'x', carrier: 'china-post', country: 'Japan' })).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe('validation_failed');
  });
});
