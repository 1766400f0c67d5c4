import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { emailOutbox } from '@/db/schema/accounts';
import { auditLog, orderEvents, orderItems, orders, paymentLedger } from '@/db/schema';
import { itemNotices, qcPhotos, serviceCharges } from '@/db/schema/warehouse';
import { createPartnerKey } from '@/lib/api/partner-keys';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import { parseEnv, type Env } from '@/lib/env';
import { runRelay } from '@/lib/events/relay';
import { eventSubscribers } from '@/lib/jobs/event-subscribers';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { refundReturnedItem } from '@/lib/payments/refund-returned-item';
import { cardGateway } from '@/lib/payments/registry';
import { startServiceChargePayment } from '@/lib/payments/start-service-charge-payment';
import { runQcWindow } from '@/lib/warehouse/decisions/auto-accept-items';
import { addItemPhotos } from '@/lib/warehouse/photos/add-item-photos';
import { createLocalPhotoStore } from '@/lib/warehouse/photos/photo-store';
import { decideItem } from '@/lib/warehouse/decisions/decide-item';
import { requestMorePhotos } from '@/lib/warehouse/decisions/request-more-photos';
import { recordSellerAnswer } from '@/lib/warehouse/returns/record-seller-answer';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { signedFetch, type ApiCredentials } from '../support/api-client';
import { createCheckoutWorld, type CheckoutWorld } from '../support/checkout-fixtures';
import { deliverWebhook, signedEvent } from '../support/purchasing-world';

// The shopper's side of QC against real MariaDB, Redis and the sandbox payment gateway (its
// webhooks signed and delivered through the real receive → process path): decisions through the
// item machine, a paid "more photos" charge credited once, a return refunded once however often
// the button fires, the decision window's warning before any automatic acceptance, and the
// partner API's answers on the running test server.
const SECRET_KEY = 'sk_test_ferry_sandbox';
const H = 3_600_000;

let world: CheckoutWorld;
let receiver: TestReceiver;
let gateway: PaymentGateway;
let env: Env;
let shopper: { id: number; email: string };
let stranger: { id: number; email: string };
const staff = { type: 'user' as const, id: 1, label: 'service@ferry.test' };

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_qc', 4);
  receiver = await startTestReceiver(async (request) => {
    try {
      await deliverWebhook(world, { body: request.body, header: request.signature });
      return 200;
    } catch {
      return 400;
    }
  });
  gateway = await startPaymentGateway({ secretKey: SECRET_KEY, webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', retry: { attempts: 5, baseMs: 20 } });
  env = parseEnv({ ...process.env, SANDBOX_GATEWAY_URL: gateway.url });
  shopper = await createUser(world.db, { email: `qc-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  stranger = await createUser(world.db, { email: `qc-other-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await world?.close();
});

const deps = () => ({ gatewayFor: (name: 'sandbox' | 'stripe' | 'cod') => cardGateway(env, name) });
const shopperActor = () => ({ type: 'user' as const, id: shopper.id, label: shopper.email });

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** 1 CNY = rate EUR, rounded half-even to the cent once (independent of lib/money). */
function atRate(cnyMinor: number, rate: string): number {
  const [whole, fraction = ''] = rate.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const exact = BigInt(cnyMinor) * BigInt(`${whole}${fraction}`);
  const [quotient, twice] = [exact / scale, (exact % scale) * 2n];
  return Number(twice > scale || (twice === scale && quotient % 2n === 1n) ? quotient + 1n : quotient);
}

async function orderRow(id: number) {
  const [row] = await world.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

async function itemRow(id: number) {
  const [row] = await world.db.select().from(orderItems).where(eq(orderItems.id, id));
  return row!;
}

/**
 * A shopper's order of `lines` paid on the sandbox gateway (pay link, "Pay successfully", webhook),
 * its items then bought, received and photographed (three photo rows, the window open since
 * `readyAt`) — the warehouse's own steps are other modules' and are written directly here.
 */
async function orderInWarehouse(lines: number, readyAt: Date | null = new Date()) {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis, env },
    {
      items: (await skuIds(lines)).map((skuId, k) => ({ skuId, quantity: k + 1 })),
      currency: 'EUR',
      shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
      checkoutToken: randomUUID(),
      locale: 'es',
      customer: { type: 'user', userId: shopper.id, email: shopper.email },
      gateway: 'sandbox',
    },
  );
  await startOrderPayment(world.db, env, await orderRow(order.id), `http://shop.test/pay/${order.number}/return`);
  const { gatewayPaymentId } = await orderRow(order.id);
  await fetch(`${gateway.url}/__sandbox/intents/${gatewayPaymentId}/succeed`, { method: 'POST' });
  await until(() => orderRow(order.id), (o) => o.status === 'paid', `order ${order.number} paid`);
  const items = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  const ids = items.map((i) => i.id);
  await world.db
    .update(orderItems)
    .set({ purchaseStatus: 'purchased', fulfilmentStatus: 'in_warehouse', receivedAt: new Date(), weightGrams: 420, receiptOutcome: 'complete', qcReadyAt: readyAt })
    .where(inArray(orderItems.id, ids));
  for (const id of ids) {
    await world.db.insert(qcPhotos).values([0, 1, 2].map(() => ({ orderItemId: id, storageKey: randomBytes(16).toString('hex'), width: 1600, height: 1200, bytes: 90_000 })));
  }
  return { order: await orderRow(order.id), itemIds: ids };
}

let skuOffset = 0;
async function skuIds(n: number): Promise<number[]> {
  const { skus } = await import('@/db/schema/catalog');
  const rows = await world.db.select({ id: skus.id }).from(skus).orderBy(asc(skus.id));
  const picked = Array.from({ length: n }, (_, k) => rows[(skuOffset + k) % rows.length]!.id);
  skuOffset += n;
  await world.db.update(skus).set({ stock: 1000, reserved: 0 }).where(inArray(skus.id, picked));
  return picked;
}

const eventsOf = (itemId: number, type: string) =>
  world.db.select().from(orderEvents).where(and(eq(orderEvents.subjectType, 'order_item'), eq(orderEvents.subjectId, itemId), eq(orderEvents.type, type)));

describe('the shopper’s QC decision', () => {
  it('accepts once: a second click, a stale page or another shopper changes nothing', async () => {
    const { itemIds } = await orderInWarehouse(1);
    const [itemId] = itemIds as [number];
    await expect(decideItem(world.db, { owner: { userId: stranger.id }, itemId, actor: shopperActor(), decidedBy: 'shopper', decision: 'accept' })).rejects.toMatchObject({ code: 'not_found' });
    await decideItem(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor(), decidedBy: 'shopper', decision: 'accept' });
    await expect(decideItem(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor(), decidedBy: 'shopper', decision: 'accept' })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(decideItem(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor(), decidedBy: 'shopper', decision: 'return', reason: 'too small' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    expect(await itemRow(itemId)).toMatchObject({ fulfilmentStatus: 'accepted', decidedBy: 'shopper', returnReason: null });
    expect(await eventsOf(itemId, 'item.accepted')).toHaveLength(1);
  });

  it('refuses a return without its reason', async () => {
    const { itemIds } = await orderInWarehouse(1);
    await expect(decideItem(world.db, { owner: { userId: shopper.id }, itemId: itemIds[0]!, actor: shopperActor(), decidedBy: 'shopper', decision: 'return', reason: '  ' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect((await itemRow(itemIds[0]!)).fulfilmentStatus).toBe('in_warehouse');
  });
});

describe('returns', () => {
  it('refunds a returned item’s share at the pinned rate once, even when the button fires five times at once', async () => {
    const { order, itemIds } = await orderInWarehouse(2);
    const [returnedId, keptId] = itemIds as [number, number];
    await decideItem(world.db, { owner: { userId: shopper.id }, itemId: returnedId, actor: shopperActor(), decidedBy: 'shopper', decision: 'return', reason: 'La talla no es la pedida' });
    expect(await itemRow(returnedId)).toMatchObject({ fulfilmentStatus: 'return_requested', returnReason: 'La talla no es la pedida' });

    const requested = await itemRow(returnedId);
    await recordSellerAnswer(world.db, { itemId: returnedId, isAccepted: true, answer: '卖家同意退货', expectedVersion: requested.fulfilmentVersion, actor: staff });
    // The same answer from a stale screen changes nothing.
    await expect(recordSellerAnswer(world.db, { itemId: returnedId, isAccepted: false, answer: '拒绝', expectedVersion: requested.fulfilmentVersion, actor: staff })).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await itemRow(returnedId)).toMatchObject({ fulfilmentStatus: 'returned', returnAnswer: '卖家同意退货' });

    const results = await Promise.all(Array.from({ length: 5 }, () => refundReturnedItem(world.db, { itemId: returnedId, actor: staff }, deps())));
    const done = results.filter((r) => !r.isAlready);
    expect(done).toHaveLength(1);
    const item = await itemRow(returnedId);
    const share = atRate(item.unitPriceCnyMinor * item.quantity, order.chargeRate);
    expect(done[0]!.refund).toMatchObject({ amountMinor: share, currency: 'EUR', paymentId: order.gatewayPaymentId });
    expect(item.fulfilmentStatus).toBe('refunded');
    expect((await itemRow(keptId)).fulfilmentStatus).toBe('in_warehouse');

    // The gateway refunded exactly that once, and its webhook put it in the ledger once.
    const refunds = await until(
      () => world.db.select().from(paymentLedger).where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.kind, 'refund'))),
      (rows) => rows.length > 0,
      'the refund in the ledger',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = await world.db.select().from(paymentLedger).where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.kind, 'refund')));
    expect(settled.map((r) => r.amountMinor)).toEqual([share]);
    expect(refunds[0]!.amountMinor).toBe(share);
    const audits = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'payment.refund_requested'), eq(auditLog.subjectId, String(order.id))));
    expect(audits).toHaveLength(1);
    expect(await eventsOf(returnedId, 'item.refunded')).toHaveLength(1);
    // The order is not refunded as a whole: the other item is still the shopper's.
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('puts an item whose return the seller refused back in the warehouse, with the answer', async () => {
    const { itemIds } = await orderInWarehouse(1);
    const [itemId] = itemIds as [number];
    await decideItem(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor(), decidedBy: 'shopper', decision: 'return', reason: 'Color distinto' });
    await recordSellerAnswer(world.db, { itemId, isAccepted: false, answer: '商品无质量问题，不接受退货', actor: staff });
    expect(await itemRow(itemId)).toMatchObject({ fulfilmentStatus: 'in_warehouse', returnAnswer: '商品无质量问题，不接受退货' });
    expect(await eventsOf(itemId, 'item.return_refused')).toHaveLength(1);
    const audits = await world.db.select().from(auditLog).where(and(eq(auditLog.action, 'item.return_refused'), eq(auditLog.subjectId, String(itemId))));
    expect(audits).toHaveLength(1);
    await expect(refundReturnedItem(world.db, { itemId, actor: staff }, deps())).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});

describe('more photos', () => {
  it('charges once at the pinned rate, is credited once by its signed webhook however often it is replayed, and restarts the window', async () => {
    const { order, itemIds } = await orderInWarehouse(1);
    const [itemId] = itemIds as [number];
    const first = await requestMorePhotos(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor() });
    const second = await requestMorePhotos(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor() });
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'open', quantity: 3, chargeCurrency: 'EUR', chargeMinor: atRate(500, order.chargeRate) });
    await expect(requestMorePhotos(world.db, { owner: { userId: stranger.id }, itemId, actor: shopperActor() })).rejects.toMatchObject({ code: 'not_found' });

    const payUrl = await startServiceChargePayment(world.db, env, { serviceChargeId: first.id, returnUrl: 'http://shop.test/order' });
    expect(payUrl.startsWith(`${gateway.url}/pay/`)).toBe(true);
    const [opened] = await world.db.select().from(serviceCharges).where(eq(serviceCharges.id, first.id));
    await fetch(`${gateway.url}/__sandbox/intents/${opened!.gatewayPaymentId}/succeed`, { method: 'POST' });
    const [paid] = await until(
      () => world.db.select().from(serviceCharges).where(eq(serviceCharges.id, first.id)),
      (rows) => rows[0]?.status === 'paid',
      'the service charge paid',
    );
    expect(paid).toMatchObject({ openItemId: null, gatewayPaymentId: opened!.gatewayPaymentId });
    expect((await itemRow(itemId)).qcReadyAt).toBeNull();

    // Replayed: the same payment under a new event id, and a stored event delivered again.
    const intent = {
      id: opened!.gatewayPaymentId!,
      object: 'payment_intent',
      amount: first.chargeMinor,
      amount_received: first.chargeMinor,
      currency: 'eur',
      metadata: { order_number: order.number, service_charge_id: String(first.id) },
    };
    expect(await deliverWebhook(world, signedEvent('payment_intent.succeeded', intent))).toBe('duplicate_payment');
    const event = signedEvent('payment_intent.succeeded', intent);
    await deliverWebhook(world, event);
    expect(await deliverWebhook(world, event)).toBe('redelivery');

    const charges = await world.db.select().from(paymentLedger).where(and(eq(paymentLedger.orderId, order.id), eq(paymentLedger.transactionId, opened!.gatewayPaymentId!)));
    expect(charges.map((r) => [r.kind, r.amountMinor, r.status])).toEqual([['charge', first.chargeMinor, 'recorded']]);
    expect(await eventsOf(itemId, 'item.more_photos_paid')).toHaveLength(1);
    // The order's own status and payment are untouched; a new request opens a new charge.
    expect(await orderRow(order.id)).toMatchObject({ status: 'paid', gatewayPaymentId: order.gatewayPaymentId });
    const next = await requestMorePhotos(world.db, { owner: { userId: shopper.id }, itemId, actor: shopperActor() });
    expect(next.id).not.toBe(first.id);
  });
});

describe('the photos-ready email', () => {
  it('goes out once, when the upload that meets the allowance opens the window, in the order’s language', async () => {
    const { itemIds } = await orderInWarehouse(1, null);
    const [itemId] = itemIds as [number];
    await world.db.delete(qcPhotos).where(eq(qcPhotos.orderItemId, itemId));
    const store = createLocalPhotoStore(await mkdtemp(path.join(os.tmpdir(), 'ferry-qc-photos-')));
    const photo = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 30, b: 160 } } }).jpeg().toBuffer();
    const warehouse = { type: 'cli' as const, label: 'warehouse' };
    const readyMails = () => world.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, shopper.email), eq(emailOutbox.template, 'qc-photos-ready')));
    const before = (await readyMails()).length;

    await addItemPhotos(world.db, { itemId, files: [await photo(), await photo()], actor: warehouse }, store);
    await runRelay(world.db, eventSubscribers);
    expect(await readyMails()).toHaveLength(before);
    expect((await itemRow(itemId)).qcReadyAt).toBeNull();

    await addItemPhotos(world.db, { itemId, files: [await photo()], actor: warehouse }, store);
    // A photo more than the allowance (staff show a defect better) sends nothing new.
    await addItemPhotos(world.db, { itemId, files: [await photo()], actor: warehouse }, store);
    await runRelay(world.db, eventSubscribers);
    const mails = await readyMails();
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toContain('listas');
    expect((await itemRow(itemId)).qcReadyAt).toBeInstanceOf(Date);
  });
});

describe('the decision window', () => {
  it('warns once (two servers at once), never accepts before the warning is warningHours old, then accepts for the shopper', async () => {
    const now = new Date();
    const { itemIds } = await orderInWarehouse(2, new Date(now.getTime() - 80 * H));
    const [late, decided] = itemIds as [number, number];
    await decideItem(world.db, { owner: { userId: shopper.id }, itemId: decided, actor: shopperActor(), decidedBy: 'shopper', decision: 'accept' });

    // The window closed 8 hours ago, but nobody warned the shopper: warn, do not accept.
    const runs = await Promise.all([runQcWindow(world.db, now), runQcWindow(world.db, now)]);
    expect(runs.reduce((n, r) => n + r.warned, 0)).toBeGreaterThanOrEqual(1);
    expect(runs.reduce((n, r) => n + r.accepted, 0)).toBe(0);
    expect(await world.db.select().from(itemNotices).where(eq(itemNotices.orderItemId, late))).toHaveLength(1);
    expect(await eventsOf(late, 'item.qc_warning')).toHaveLength(1);
    expect(await world.db.select().from(itemNotices).where(eq(itemNotices.orderItemId, decided))).toHaveLength(0);
    expect((await itemRow(late)).fulfilmentStatus).toBe('in_warehouse');

    // The warning goes out as an email in the order's language.
    await runRelay(world.db, eventSubscribers);
    const mails = await world.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, shopper.email), eq(emailOutbox.template, 'qc-auto-accept-warning')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Decida');

    expect((await runQcWindow(world.db, new Date(now.getTime() + 23 * H))).accepted).toBe(0);
    expect((await itemRow(late)).fulfilmentStatus).toBe('in_warehouse');
    const later = new Date(now.getTime() + 24 * H + 1000);
    const accepting = await Promise.all([runQcWindow(world.db, later), runQcWindow(world.db, later)]);
    expect(accepting.reduce((n, r) => n + r.accepted, 0)).toBe(1);
    expect(await itemRow(late)).toMatchObject({ fulfilmentStatus: 'accepted', decidedBy: 'auto' });
    expect(await eventsOf(late, 'item.accepted')).toHaveLength(1);
  });
});

// The partner API on the running test server (its own seeded database).
describe('POST /api/v1/orders/{n}/items/{id}/qc', () => {
  const base = process.env.FERRY_TEST_BASE_URL;
  let db: Database;
  let partner: ApiCredentials;
  let other: ApiCredentials;
  let orderNumber: string;
  let itemIds: number[];

  beforeAll(async () => {
    if (!base) return;
    db = databaseFor(process.env.DATABASE_URL!);
    partner = await createPartnerKey(db, { name: 'qc test partner', createdBy: 'tests' });
    other = await createPartnerKey(db, { name: 'qc other partner', createdBy: 'tests' });
    const { skus, products } = await import('@/db/schema/catalog');
    const rows = await db.select({ id: skus.id }).from(skus).innerJoin(products, eq(products.id, skus.productId)).where(eq(products.isActive, 1)).orderBy(asc(skus.id)).limit(3).offset(40);
    await db.update(skus).set({ stock: 1000 }).where(inArray(skus.id, rows.map((r) => r.id)));
    const res = await signedFetch(base, partner, 'POST', '/api/v1/orders', {
      items: rows.map((r) => ({ skuId: r.id, quantity: 1 })),
      currency: 'EUR',
      shippingAddress: { name: 'Jane Doe', line1: '1 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', phone: '+1 415 555 0132' },
      externalRef: `qc-${randomUUID()}`,
    });
    expect(res.status).toBe(201);
    orderNumber = ((await res.json()) as { orderNumber: string }).orderNumber;
    const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, orderNumber));
    itemIds = (await db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order!.id)).orderBy(asc(orderItems.id))).map((r) => r.id);
    // Bought and received (other modules' steps); the last item is still upstream.
    await db.update(orderItems).set({ purchaseStatus: 'purchased', fulfilmentStatus: 'in_warehouse', receivedAt: new Date(), weightGrams: 300 }).where(inArray(orderItems.id, itemIds.slice(0, 2)));
  });
  afterAll(async () => {
    if (base) await closeDatabases();
  });

  const qc = (credentials: ApiCredentials, itemId: number | string, body: unknown, number = orderNumber) =>
    signedFetch(base!, credentials, 'POST', `/api/v1/orders/${number}/items/${itemId}/qc`, body);
  const errorOf = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

  it.skipIf(!base)('answers 404 for another partner’s order or an item of another order', async () => {
    expect(await errorOf(await qc(other, itemIds[0]!, { decision: 'accept' }))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await qc(partner, 999_999_999, { decision: 'accept' }))).toEqual({ status: 404, code: 'not_found' });
    expect(await errorOf(await qc(partner, 'abc', { decision: 'accept' }))).toEqual({ status: 404, code: 'not_found' });
  });

  it.skipIf(!base)('answers 422 for a return without a note, 409 for an item not in the warehouse', async () => {
    expect(await errorOf(await qc(partner, itemIds[0]!, { decision: 'return' }))).toEqual({ status: 422, code: 'validation_failed' });
    expect(await errorOf(await qc(partner, itemIds[0]!, { decision: 'maybe' }))).toEqual({ status: 422, code: 'validation_failed' });
    expect(await errorOf(await qc(partner, itemIds[2]!, { decision: 'accept' }))).toEqual({ status: 409, code: 'invalid_transition' });
  });

  it.skipIf(!base)('accepts, then refuses a second decision with 409; asks for more photos with a payment URL', async () => {
    const accepted = await qc(partner, itemIds[0]!, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ itemId: itemIds[0], fulfilment: { status: 'accepted', weightGrams: 300 } });
    expect(await errorOf(await qc(partner, itemIds[0]!, { decision: 'return', note: 'changed my mind' }))).toEqual({ status: 409, code: 'invalid_transition' });

    const photos = await qc(partner, itemIds[1]!, { decision: 'more_photos' });
    expect(photos.status).toBe(200);
    const body = (await photos.json()) as { itemId: number; fulfilment: { status: string }; morePhotos: { photos: number; status: string; charge: { currency: string; amountMinor: number }; paymentUrl: string } };
    expect(body).toMatchObject({ itemId: itemIds[1], fulfilment: { status: 'in_warehouse' }, morePhotos: { photos: 3, status: 'open', charge: { currency: 'EUR' } } });
    expect(body.morePhotos.paymentUrl).toMatch(/^https?:\/\//);
    const returned = await qc(partner, itemIds[1]!, { decision: 'return', note: 'wrong colour' });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({ fulfilment: { status: 'return_requested' } });
  });
});
