import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { orderEvents, shipments, trackingEvents, webhookEvents } from '@/db/schema';
import { dispatchShipment, shipmentLabelPdf } from '@/lib/shipping-tracking/dispatch-shipment';
import { isValidTrackingNumber } from '@/lib/shipping-tracking/carriers';
import { TrackingClient } from '@/lib/tracking';
import { demoSecretValues } from '@/lib/demo-secrets';
import { startTrackingSandbox, type TrackingSandbox } from '@/sandboxes/tracking-17track/sandbox';
import { signBody, trackingBody, demoJourney } from '../support/tracking-updates';

// The whole path against the running test server: a parcel is dispatched (number allocated,
// shipment written, registered with the tracking sandbox), the sandbox plays its journey to the
// door and delivers its signed webhooks — duplicated and out of order — to Ferry's real route; the
// shipment ends Delivered with one delivery fact, and the public page shows it.

const BASE = process.env.FERRY_TEST_BASE_URL ?? 'http://localhost:3100';
const KEY = demoSecretValues.TRACKING_17TRACK_KEY;
let sandbox: TrackingSandbox;
let db: Database;
let client: TrackingClient;

beforeAll(async () => {
  db = databaseFor(process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL!);
  sandbox = await startTrackingSandbox({ port: 0, key: KEY, webhookUrl: `${BASE}/api/webhooks/tracking/17track`, speed: 0, duplicateRate: 0.5, reorderRate: 0.5, holdMs: 300 });
  client = new TrackingClient({ baseUrl: sandbox.url, key: KEY, retryBaseMs: 50 });
});
afterAll(async () => {
  await sandbox?.close();
  await closeDatabases();
});

async function until<T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean, ms = 15_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 100))) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
  }
}

describe('a dispatched parcel tracked to the door through the real webhook route', () => {
  it('is registered, follows the sandbox to Delivered once, and shows on the public page in Japanese', async () => {
    const dispatched = await dispatchShipment(
      db,
      {
        parcelId: 9_000_001,
        carrier: 'china-post',
        country: 'JP',
        notifyEmail: 'tracked@ferry.test',
        locale: 'ja',
        label: {
          sender: { name: 'Ferry Warehouse', lines: ['Baiyun, Guangzhou'], country: 'CN' },
          receiver: { name: 'Receiver', lines: ['Osaka'], country: 'JP' },
          customs: { form: 'CN22', category: 'merchandise', currency: 'USD', items: [{ description: 'T-shirt', quantity: 1, value: '9.90', weightGrams: 300 }] },
        },
      },
      { client },
    );
    expect(dispatched.isRegistered).toBe(true);
    expect(isValidTrackingNumber('china-post', dispatched.trackingNumber)).toBe(true);
    const number = dispatched.trackingNumber;
    expect((await shipmentLabelPdf(db, number))!.byteLength).toBeGreaterThan(1000);

    // The carrier's whole journey at once; the sandbox sends one signed update per step.
    const moved = await fetch(`${sandbox.url}/_control/trackings/${number}/advance`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ to: 'Delivered' }) });
    expect(moved.status).toBe(200);
    const shipment = await until(
      'the shipment to be delivered',
      async () => (await db.select().from(shipments).where(eq(shipments.number, number)))[0]!,
      (s) => s.status === 'Delivered',
    );
    await until('the sandbox to deliver every webhook', async () => sandbox.webhooks!.pending(), (n) => n === 0);
    // Late duplicates and older copies still arriving change nothing; give the server a moment to apply them.
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await db.select().from(shipments).where(eq(shipments.number, number)))[0]!;
    expect(after.status).toBe('Delivered');
    expect(after.latestEventAt).toEqual(shipment.latestEventAt);
    const facts = await db.select({ type: orderEvents.type, payload: orderEvents.payload }).from(orderEvents).where(and(eq(orderEvents.subjectType, 'shipment'), eq(orderEvents.subjectId, shipment.id)));
    expect(facts.filter((f) => f.type === 'shipment.delivered')).toHaveLength(1);
    expect(facts.find((f) => f.type === 'shipment.delivered')!.payload).toMatchObject({ parcelId: 9_000_001, number });
    const events = await db.select().from(trackingEvents).where(eq(trackingEvents.shipmentId, shipment.id));
    const detail = (await (await fetch(`${sandbox.url}/_control/trackings/${number}`)).json()) as { events?: unknown[] };
    if (Array.isArray(detail.events)) expect(events.length).toBe(detail.events.length);
    expect(events.length).toBeGreaterThanOrEqual(8);

    const page = await fetch(`${BASE}/ja/track/${number}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.headers.get('cache-control')).toMatch(/no-store|private/);
    const html = await page.text();
    expect(html).toContain('配達完了');
    expect(html).toContain('日本');
    expect(html).not.toContain('tracked@ferry.test');
    expect(html).not.toContain('Receiver');
  });

  it('answers a forged sign with 400 and stores nothing; an unknown number’s page is a 404', async () => {
    const body = trackingBody('LX000000000CN', demoJourney(), 2);
    const before = (await db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.consumer, 'tracking')))[0]!.n;
    for (const sign of [signBody(body, 'wrong-key'), '']) {
      const response = await fetch(`${BASE}/api/webhooks/tracking/17track`, { method: 'POST', headers: { 'Content-Type': 'application/json', sign }, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    const huge = await fetch(`${BASE}/api/webhooks/tracking/17track`, { method: 'POST', headers: { 'Content-Type': 'application/json', sign: signBody('x', KEY) }, body: 'x'.repeat(600 * 1024) });
    expect(huge.status).toBe(413);
    const afterCount = (await db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.consumer, 'tracking')))[0]!.n;
    expect(afterCount).toBe(before);
    const missing = await fetch(`${BASE}/en/track/LX000000000CN`);
    expect(missing.status).toBe(404);
  });
});
