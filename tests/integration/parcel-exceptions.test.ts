import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orderItems, orders, shipments } from '@/db/schema';
import { skus } from '@/db/schema/catalog';
import { shippingLines } from '@/db/schema/shipping';
import { createUser } from '@/lib/auth/create-user';
import { demoSecretValues } from '@/lib/demo-secrets';
import { createParcel } from '@/lib/parcels/create-parcel';
import { parcelDispatchHooks } from '@/lib/parcels/dispatch-hooks';
import { countParcelExceptions, parcelExceptions } from '@/lib/parcels/exception-board';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { payParcelFromWallet } from '@/lib/parcels/pay-from-wallet';
import { dispatchParcel } from '@/lib/shipping-tracking/dispatch-parcel';
import { processTrackingWebhook } from '@/lib/shipping-tracking/process-tracking-webhook';
import { receiveTrackingWebhook } from '@/lib/shipping-tracking/receive-tracking-webhook';
import { carriers } from '@/lib/shipping-tracking/carriers';
import { markShipmentProblemHandled } from '@/lib/shipping-tracking/shipment-problems';
import { TrackingClient } from '@/lib/tracking';
import { creditWallet } from '@/lib/wallet/entries';
import { shipmentLabelPdf } from '@/lib/shipping-tracking/dispatch-shipment';
import { updateSettings } from '@/lib/settings/update-settings';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { startTrackingSandbox, type TrackingSandbox } from '@/sandboxes/tracking-17track/sandbox';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/tracking-17track/test-receiver';
import { createCheckoutWorld, type CheckoutWorld } from '../support/checkout-fixtures';
import { placePaidOrder } from '../support/purchasing-world';

// The exceptions tab against real MariaDB: parcels are paid, packed and dispatched through the
// parcels module, registered with the 17TRACK sandbox, and the sandbox's signed webhooks (17TRACK's
// wire format, duplicated and reordered) go through Ferry's real intake and consumer. When the
// sandbox breaks a journey, the board's query lists the parcel with the carrier's words; marking it
// handled takes it off until the carrier reports something newer. The same dispatch prints the
// agent's sender settings on the label, beside a receiver in Cyrillic.

const KEY = demoSecretValues.TRACKING_17TRACK_KEY;
const address = { name: 'Лена Иванова', line1: 'ул. Тверская, 7', line2: null, city: 'Москва', region: null, postalCode: '125009', country: 'RU', phone: '+74951234567' };
let world: CheckoutWorld;
let shopper: { id: number; email: string };
let sandbox: TrackingSandbox;
let receiver: TestReceiver;
let client: TrackingClient;
let lineId: number;
let skuCursor = 0;

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_pexc', 6);
  shopper = await createUser(world.db, { email: `exceptions-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  await creditWallet(world.db, 'adjustment', { userId: shopper.id, currency: 'EUR', amountMinor: 10_000_000, source: `test:${randomUUID()}`, actor: { type: 'system', label: 'test' } });
  const [ems] = await world.db.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.code, 'ems'));
  lineId = ems!.id;
  // Ferry's webhook route, in process: verify, store, apply — the same calls the route handler makes.
  receiver = await startTestReceiver(async (request) => {
    try {
      const stored = await receiveTrackingWebhook(world.db, request.body, request.sign, KEY);
      await processTrackingWebhook(world.db, stored.id);
      return 200;
    } catch {
      return 400;
    }
  });
  sandbox = await startTrackingSandbox({ port: 0, key: KEY, webhookUrl: receiver.url, speed: 0, duplicateRate: 0.5, reorderRate: 0.5, holdMs: 100 });
  client = new TrackingClient({ baseUrl: sandbox.url, key: KEY, retryBaseMs: 50 });
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
  await world?.close();
});

const actor = { type: 'user' as const, id: 1, label: 'service@ferry.test' };

/** A shopper's parcel taken to shipped the way the board does it: accepted items, paid from the wallet, packed, dispatched and registered. */
async function shippedParcel(): Promise<{ parcelNumber: string; trackingNumber: string }> {
  const rows = await world.db.select({ id: skus.id }).from(skus).orderBy(asc(skus.id));
  const skuId = rows[skuCursor++ % rows.length]!.id;
  await world.db.update(skus).set({ stock: 1000, reserved: 0 }).where(eq(skus.id, skuId));
  const order = await placePaidOrder(world, [{ skuId, quantity: 1 }], { customer: { type: 'user', userId: shopper.id, email: shopper.email } });
  await world.db.update(orders).set({ status: 'arrived' }).where(eq(orders.id, order.id));
  await world.db.update(orderItems).set({ purchaseStatus: 'purchased', fulfilmentStatus: 'accepted', receivedAt: new Date(), weightGrams: 400, storageBin: 'B-02' }).where(eq(orderItems.orderId, order.id));
  const items = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id));
  const parcel = await createParcel(world.db, { owner: { type: 'user', userId: shopper.id }, itemIds: items.map((i) => i.id), lineId, address, services: [], currency: 'EUR', gateway: 'sandbox', actor });
  await payParcelFromWallet(world.db, { userId: shopper.id, number: parcel.number, actor });
  await packParcel(world.db, { number: parcel.number, weightGrams: 600, dims: { lengthCm: 20, widthCm: 15, heightCm: 8 }, actor });
  const dispatched = await dispatchParcel(world.db, parcelDispatchHooks, parcel.number, actor);
  expect(dispatched.status).toBe('shipped');
  // Registered with this test's own sandbox (dispatch registered it with whatever TRACKING_17TRACK_BASE_URL names, if anything).
  expect((await client.register([{ number: dispatched.trackingNumber, carrier: carriers[dispatched.carrier].key }])).registered.map((r) => r.number)).toEqual([dispatched.trackingNumber]);
  return { parcelNumber: parcel.number, trackingNumber: dispatched.trackingNumber };
}

async function control(path: string, body: unknown) {
  const response = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; subStatus: string };
}

async function shipmentOf(number: string) {
  return (await world.db.select().from(shipments).where(eq(shipments.number, number)))[0]!;
}

async function until<T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean, ms = 10_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 50))) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
  }
}

/** Every webhook the sandbox holds back (duplicates, reordered copies) delivered and applied. */
const settled = () => until('the sandbox to deliver its webhooks', async () => sandbox.webhooks!.pending(), (n) => n === 0);

describe('the parcel board’s exceptions tab', () => {
  it('lists parcels whose carrier reports an exception, a failed delivery or an expiry, newest first, with the carrier’s words; not those in transit', async () => {
    const [calm, lost, refused, expired] = [await shippedParcel(), await shippedParcel(), await shippedParcel(), await shippedParcel()];
    const before = await countParcelExceptions(world.db);
    for (const p of [calm, lost, refused, expired]) await control(`/_control/trackings/${p.trackingNumber}/advance`, { to: 'InTransit' });
    await settled();
    await until('the shipments in transit', async () => Promise.all([calm, lost, refused, expired].map(async (p) => (await shipmentOf(p.trackingNumber)).status)), (s) => s.every((x) => x === 'InTransit'));
    expect(await countParcelExceptions(world.db)).toBe(before);

    // Order of the problems: lost first, then the refused delivery, then the expiry (whose time is its last event's).
    expect(await control(`/_control/trackings/${expired.trackingNumber}/break`, { kind: 'expired' })).toMatchObject({ status: 'Expired' });
    // The sandbox stamps events in whole seconds, each a second after its tracking's previous one.
    await new Promise((r) => setTimeout(r, 2100));
    await control(`/_control/trackings/${lost.trackingNumber}/break`, { kind: 'lost' });
    await new Promise((r) => setTimeout(r, 1100));
    await control(`/_control/trackings/${refused.trackingNumber}/break`, { kind: 'failed_delivery', subStatus: 'DeliveryFailure_Rejected' });
    await settled();
    const listed = await until(
      'the three problems on the board',
      () => parcelExceptions(world.db),
      (rows) => [lost, refused, expired].every((p) => rows.some((r) => r.number === p.trackingNumber)),
    );
    const mine = listed.filter((r) => [calm, lost, refused, expired].some((p) => p.trackingNumber === r.number));
    expect(mine.map((r) => r.parcelNumber)).toEqual([refused.parcelNumber, lost.parcelNumber, expired.parcelNumber]);
    expect(mine[0]).toMatchObject({ status: 'DeliveryFailure', subStatus: 'DeliveryFailure_Rejected', description: 'Delivery failed: the recipient refused the parcel', parcelStatus: 'shipped', wasHandledBefore: false });
    expect(mine[1]).toMatchObject({ status: 'Exception', subStatus: 'Exception_Lost', description: 'The parcel has been reported lost' });
    // Expired brings no carrier event: the description is the last one the carrier sent, and its time.
    const expiredShipment = await shipmentOf(expired.trackingNumber);
    expect(mine[2]).toMatchObject({ status: 'Expired', subStatus: 'Expired_Other', at: expiredShipment.latestEventAt });
    expect(mine[2]!.description).toBeTruthy();
    expect(mine[0]!.at.getTime()).toBeGreaterThan(mine[1]!.at.getTime());
    expect(await countParcelExceptions(world.db)).toBe(before + 3);
  });

  it('marks a problem handled once, with an audited note, until the carrier reports a newer problem', async () => {
    const parcel = await shippedParcel();
    await control(`/_control/trackings/${parcel.trackingNumber}/advance`, { to: 'InTransit' });
    await control(`/_control/trackings/${parcel.trackingNumber}/break`, { kind: 'exception', subStatus: 'Exception_Security' });
    await settled();
    const [row] = await until('the exception on the board', async () => (await parcelExceptions(world.db)).filter((r) => r.number === parcel.trackingNumber), (rows) => rows.length === 1);
    const input = { number: parcel.trackingNumber, seenEventAt: row!.at, note: 'Sent the shopper the customs form', actor };

    // Bad input and a stale page change nothing.
    await expect(markShipmentProblemHandled(world.db, { ...input, note: '   ' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(markShipmentProblemHandled(world.db, { ...input, seenEventAt: new Date(row!.at.getTime() - 1000) })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'newer_event' } });
    await expect(markShipmentProblemHandled(world.db, { ...input, number: 'LX000000000CN' })).rejects.toMatchObject({ code: 'not_found' });

    // Two people at once: one handling, one audit record.
    const results = await Promise.allSettled([markShipmentProblemHandled(world.db, input), markShipmentProblemHandled(world.db, input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict', details: { reason: 'already_handled' } } });
    const shipment = await shipmentOf(parcel.trackingNumber);
    expect(shipment).toMatchObject({ problemHandledNote: 'Sent the shopper the customs form', problemHandledBy: 1, problemHandledEventAt: row!.at });
    const audits = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'shipment.problem_handled'), eq(auditLog.subjectId, String(shipment.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ number: parcel.trackingNumber, subStatus: 'Exception_Security', note: 'Sent the shopper the customs form' });
    expect((await parcelExceptions(world.db)).some((r) => r.number === parcel.trackingNumber)).toBe(false);

    // The carrier carries on (in transit): nothing to show. Then it fails a delivery: back on the tab.
    await control(`/_control/trackings/${parcel.trackingNumber}/advance`, { to: 'OutForDelivery' });
    await settled();
    await until('the shipment out for delivery', async () => (await shipmentOf(parcel.trackingNumber)).status, (s) => s === 'OutForDelivery');
    expect((await parcelExceptions(world.db)).some((r) => r.number === parcel.trackingNumber)).toBe(false);
    await control(`/_control/trackings/${parcel.trackingNumber}/break`, { kind: 'failed_delivery', subStatus: 'DeliveryFailure_NoBody' });
    await settled();
    const [again] = await until('the new problem on the board', async () => (await parcelExceptions(world.db)).filter((r) => r.number === parcel.trackingNumber), (rows) => rows.length === 1);
    expect(again).toMatchObject({ subStatus: 'DeliveryFailure_NoBody', wasHandledBefore: true });
    expect(again!.at.getTime()).toBeGreaterThan(row!.at.getTime());
    // The first handling's note stays on the shipment's audit trail; the new problem is handled on its own.
    await markShipmentProblemHandled(world.db, { ...input, seenEventAt: again!.at, note: 'Rebooked the delivery' });
    expect((await parcelExceptions(world.db)).some((r) => r.number === parcel.trackingNumber)).toBe(false);
    expect(await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'shipment.problem_handled'), inArray(auditLog.subjectId, [String(shipment.id)])))).toHaveLength(2);
  });
});

describe('the dispatch label', () => {
  it('prints the agent’s sender settings as they were at dispatch, and the Cyrillic receiver in an embedded font', async () => {
    const sender = {
      'label.senderName': '广州渡轮仓库 Ferry GZ',
      'label.senderLine1': 'Building 3, 18 Huangpu Avenue West',
      'label.senderLine2': '',
      'label.senderCity': 'Guangzhou',
      'label.senderPostcode': '510620',
      'label.senderCountry': 'CN',
      'label.senderPhone': '+86 20 3888 0000',
    };
    await updateSettings(world.db, sender, actor);
    const parcel = await shippedParcel();
    // Changed after dispatch: the printed label keeps the sender it was dispatched with.
    await updateSettings(world.db, { 'label.senderName': 'Another warehouse' }, actor);
    const shipment = await shipmentOf(parcel.trackingNumber);
    expect(shipment.label).toMatchObject({
      sender: { name: '广州渡轮仓库 Ferry GZ', lines: ['Building 3, 18 Huangpu Avenue West', '510620 Guangzhou', 'Tel +86 20 3888 0000', `Ref ${parcel.parcelNumber}`], country: 'CN' },
      receiver: { name: 'Лена Иванова', lines: ['ул. Тверская, 7', '125009 Москва', '+74951234567'], country: 'RU' },
    });
    const pdf = await shipmentLabelPdf(world.db, parcel.trackingNumber);
    const doc = await PDFDocument.load(pdf!);
    const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names = new Set(fonts.values().map((ref) => doc.context.lookup(ref as PDFRef, PDFDict).lookup(PDFName.of('BaseFont'), PDFName).decodeText().replace(/-\d+$/, '')));
    expect([...names].sort()).toEqual(['Helvetica', 'Helvetica-Bold', 'NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Regular']);
  });
});
