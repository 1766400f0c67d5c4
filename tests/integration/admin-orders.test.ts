import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { products, skus } from '@/db/schema/catalog';
import { auditLog, orderEvents, orders } from '@/db/schema/orders';
import { partnerKeys } from '@/db/schema/partners';
import { paymentLedger } from '@/db/schema/payments';
import { seedDemo } from '@/lib/demo/seed';
import { formatAdminDateTime } from '@/lib/admin/format';
import { parseOrderFilters } from '@/lib/admin/parse-order-filters';
import { findStockProducts, listStockSkus } from '@/lib/admin/queries/find-stock-products';
import { getAdminOrderDetail } from '@/lib/admin/queries/get-order-detail';
import { listAdminOrders } from '@/lib/admin/queries/list-orders';
import type { OrderBoardFilters } from '@/lib/admin/order-filters';
import { placeOrder } from '@/lib/checkout/place-order';
import type { Customer } from '@/lib/checkout/types';
import type { GatewayName } from '@/lib/orders/types';
import { AppError } from '@/lib/errors';
import type { PaymentGateway } from '@/lib/payments/gateway';
import { moveOrderByHand } from '@/lib/admin/move-order-by-hand';
import { refundOrder } from '@/lib/payments/refund-order';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createTestDatabase } from '../support/test-database';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let mediaDir: string;
let skuIds: number[];

const staff = { type: 'user' as const, id: 99, label: 'finance@ferry.test' };
const address = { name: 'Li Wei', line1: '1 Harbour Road', city: 'Dubai', country: 'AE', phone: '+971 4 555 0100' };

type Placed = { id: number; number: string; chargeMinor: number; chargeCurrency: string };
let counter = 0;

async function place(customer: Customer, options: { skuId?: number; quantity?: number; gateway?: GatewayName } = {}): Promise<Placed> {
  counter += 1;
  const { order } = await placeOrder(
    { db, redis: null },
    {
      items: [{ skuId: options.skuId ?? skuIds[0]!, quantity: options.quantity ?? 1, remark: counter === 1 ? '要蓝色的' : null }],
      currency: 'USD',
      shippingAddress: address,
      gateway: options.gateway ?? 'sandbox',
      checkoutToken: `admin-test-${counter}-${Date.now()}`,
      locale: 'en',
      customer,
    },
  );
  return { id: order.id, number: order.number, chargeMinor: order.chargeMinor, chargeCurrency: order.chargeCurrency };
}

/** What the payment webhook does for a matching payment: a recorded charge, then pending → paid. */
async function pay(order: Placed, transactionId = `pi_${order.number}`): Promise<void> {
  await db.insert(paymentLedger).values({
    orderId: order.id,
    gateway: 'sandbox',
    transactionId,
    kind: 'charge',
    amountMinor: order.chargeMinor,
    currency: order.chargeCurrency,
    eventId: `evt_${transactionId}`,
  });
  expect(await transitionOrder(db, null, { orderId: order.id, from: 'pending', to: 'paid', actor: { type: 'gateway', id: 'sandbox' } })).toBe(true);
}

async function statusOf(order: Placed) {
  const [row] = await db.select({ status: orders.status, version: orders.version }).from(orders).where(eq(orders.id, order.id));
  return row!;
}

async function reservedOf(skuId: number): Promise<number> {
  const [row] = await db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId));
  return row!.reserved;
}

/** A gateway double that records refunds, or refuses them. */
function fakeGateway(options: { fails?: boolean } = {}) {
  const calls: { paymentId: string; amountMinor: number }[] = [];
  const gateway: PaymentGateway = {
    name: 'sandbox',
    startPayment: () => Promise.reject(new Error('not used')),
    cancelPayment: () => Promise.reject(new Error('not used')),
    paymentProgress: () => Promise.reject(new Error('not used')),
    async refund(paymentId, amountMinor) {
      calls.push({ paymentId, amountMinor });
      if (options.fails) throw new Error('card_declined');
      return { refundId: `re_${calls.length}` };
    },
  };
  return { calls, deps: { gatewayFor: () => gateway } };
}

const board = (filters: Partial<OrderBoardFilters> = {}) => listAdminOrders(db, { page: 1, ...filters });

let userOrder: Placed;
let partnerOrder: Placed;
let flaggedOrder: Placed;
let codOrder: Placed;

beforeAll(async () => {
  handle = await createTestDatabase('ferry_test_admin');
  db = handle.db;
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'ferry-admin-media-'));
  await seedDemo(db, { count: 5, mediaDir });
  const rows = await db.select({ id: skus.id }).from(skus).where(gte(skus.stock, 50)).orderBy(asc(skus.id)).limit(6);
  expect(rows.length).toBeGreaterThanOrEqual(4);
  skuIds = rows.map((r) => r.id);

  const [user] = await db.insert(users).values({ email: 'shopper@ferry.test', passwordHash: 'x', name: '王小明', role: 'customer' }).$returningId();
  await db.insert(partnerKeys).values({ id: 'pk_000000000000000000000001', name: 'Dropship Co', secretCiphertext: 'x' });

  userOrder = await place({ type: 'user', userId: user!.id, email: 'shopper@ferry.test' });
  partnerOrder = await place({ type: 'partner', partnerKeyId: 'pk_000000000000000000000001', externalRef: 'EXT-4711' }, { skuId: skuIds[1] });
  flaggedOrder = await place({ type: 'user', userId: user!.id, email: 'other@ferry.test' }, { skuId: skuIds[2] });
  codOrder = await place({ type: 'user', userId: user!.id, email: 'cod@ferry.test' }, { skuId: skuIds[3], gateway: 'cod' });
  await pay(userOrder);
  // A payment of the wrong amount: recorded as flagged, the order stays pending.
  await db.insert(paymentLedger).values({
    orderId: flaggedOrder.id,
    gateway: 'sandbox',
    transactionId: 'pi_short',
    kind: 'charge',
    amountMinor: flaggedOrder.chargeMinor - 1,
    currency: flaggedOrder.chargeCurrency,
    status: 'flagged',
    flagReason: 'paid less than the charge',
    eventId: 'evt_short',
  });
});

afterAll(async () => {
  await handle?.drop();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

describe('orders board', () => {
  it('counts every status in one grouping and lists newest first', async () => {
    const all = await board();
    expect(all.counts).toMatchObject({ pending: 3, paid: 1, refunded: 0 });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.number)).toEqual([codOrder, flaggedOrder, partnerOrder, userOrder].map((o) => o.number));

    const paid = await board({ status: 'paid' });
    expect(paid.rows.map((r) => r.number)).toEqual([userOrder.number]);
    expect(paid.total).toBe(1);
    // The tabs keep counting every status under the other filters.
    expect(paid.counts.pending).toBe(3);
  });

  it('shows the charge, the CNY total, the customer or the partner, and the flagged marker', async () => {
    const { rows } = await board();
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect(byNumber.get(userOrder.number)).toMatchObject({ email: 'shopper@ferry.test', chargeCurrency: 'USD', gateway: 'sandbox', hasFlaggedPayment: false });
    expect(byNumber.get(userOrder.number)!.totalCnyMinor).toBeGreaterThan(0);
    expect(byNumber.get(partnerOrder.number)).toMatchObject({ email: null, partnerName: 'Dropship Co', externalRef: 'EXT-4711' });
    expect(byNumber.get(flaggedOrder.number)!.hasFlaggedPayment).toBe(true);
    expect(typeof rows[0]!.createdAt).toBe('string');
  });

  it('filters by flagged payment, gateway, search and date range', async () => {
    expect((await board({ hasFlaggedPayment: true })).rows.map((r) => r.number)).toEqual([flaggedOrder.number]);
    expect((await board({ gateway: 'cod' })).rows.map((r) => r.number)).toEqual([codOrder.number]);
    expect((await board({ q: partnerOrder.number })).rows.map((r) => r.number)).toEqual([partnerOrder.number]);
    expect((await board({ q: partnerOrder.number.slice(0, -2) })).rows.map((r) => r.number)).toContain(partnerOrder.number);
    expect((await board({ q: 'EXT-4711' })).rows.map((r) => r.number)).toEqual([partnerOrder.number]);
    expect((await board({ q: 'shopper@' })).rows.map((r) => r.number)).toEqual([userOrder.number]);
    // LIKE wildcards typed by staff are literal characters.
    expect((await board({ q: '%' })).total).toBe(0);

    const today = formatAdminDateTime(new Date()).slice(0, 10);
    const tomorrow = formatAdminDateTime(new Date(Date.now() + 86_400_000)).slice(0, 10);
    const yesterday = formatAdminDateTime(new Date(Date.now() - 86_400_000)).slice(0, 10);
    expect((await board({ from: today, to: today })).total).toBe(4);
    expect((await board({ from: tomorrow })).total).toBe(0);
    expect((await board({ to: yesterday })).total).toBe(0);
  });

  it('reads filters from the URL and drops what it does not understand', () => {
    expect(parseOrderFilters(new URLSearchParams('status=paid&flagged=1&gateway=cod&q=%20FR1%20&from=2025-01-31&page=3'))).toEqual({
      status: 'paid',
      hasFlaggedPayment: true,
      gateway: 'cod',
      q: 'FR1',
      from: '2025-01-31',
      page: 3,
    });
    expect(parseOrderFilters({ status: 'lost', from: '2025-02-30', to: 'yesterday', gateway: 'paypal', flagged: 'yes', page: '-2' })).toEqual({ page: 1 });
  });
});

describe('order detail', () => {
  it('returns lines, pinned rates, customer, ledger, events and audit trail', async () => {
    const detail = await getAdminOrderDetail(db, userOrder.number, 'en');
    expect(detail).not.toBeNull();
    const { order, items, ledger, events, audit, customer, partner } = detail!;
    expect(order).toMatchObject({ number: userOrder.number, status: 'paid', version: 1, chargeCurrency: 'USD', baseCurrency: 'USD' });
    expect(order.chargeRate).toMatch(/^0\.\d+$/);
    expect(order.chargeRate).not.toMatch(/0$/);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ skuId: skuIds[0], quantity: 1, remark: '要蓝色的' });
    expect(items[0]!.titleZh).toMatch(/[\u4e00-\u9fff]/);
    expect(ledger.map((l) => [l.kind, l.status])).toEqual([['charge', 'recorded']]);
    expect(events.map((e) => e.type)).toEqual(['order.created', 'order.paid']);
    expect(audit.map((a) => a.action)).toEqual(['order.created', 'order.paid']);
    expect(customer).toMatchObject({ email: 'shopper@ferry.test', name: '王小明' });
    expect(partner).toBeNull();

    const partnerDetail = await getAdminOrderDetail(db, partnerOrder.number, 'en');
    expect(partnerDetail!.partner).toEqual({ id: 'pk_000000000000000000000001', name: 'Dropship Co' });
    expect(partnerDetail!.customer).toBeNull();
    expect(await getAdminOrderDetail(db, 'FR000000-000000', 'en')).toBeNull();
  });
});

describe('refundOrder', () => {
  it('refunds the charged amount through the gateway, then moves the order to refunded and releases its stock', async () => {
    const order = await place({ type: 'user', userId: 1, email: 'refund@ferry.test' }, { skuId: skuIds[4] ?? skuIds[0], quantity: 2 });
    await pay(order, 'pi_refund_me');
    const skuId = skuIds[4] ?? skuIds[0]!;
    const reservedBefore = await reservedOf(skuId);
    const { version } = await statusOf(order);
    const gateway = fakeGateway();

    const result = await refundOrder(db, null, { orderId: order.id, from: 'paid', actor: staff, reason: '客户取消', expectedVersion: version }, gateway.deps);

    expect(gateway.calls).toEqual([{ paymentId: 'pi_refund_me', amountMinor: order.chargeMinor }]);
    expect(result.refund).toMatchObject({ paymentId: 'pi_refund_me', amountMinor: order.chargeMinor, currency: 'USD', refundId: 're_1' });
    expect(await statusOf(order)).toEqual({ status: 'refunded', version: version + 1 });
    expect(await reservedOf(skuId)).toBe(reservedBefore - 2);
    const [event] = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'order.refunded')));
    expect(event!.payload).toMatchObject({ reason: '客户取消', refund: { amountMinor: order.chargeMinor } });
    const actions = await db
      .select({ action: auditLog.action, label: auditLog.actorLabel })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'order'), eq(auditLog.subjectId, String(order.id))))
      .orderBy(asc(auditLog.id));
    expect(actions.slice(-2)).toEqual([
      { action: 'payment.refund_requested', label: staff.label },
      { action: 'order.refunded', label: staff.label },
    ]);
  });

  it('refuses a stale version without asking the gateway', async () => {
    const order = await place({ type: 'user', userId: 1, email: 'stale@ferry.test' }, { skuId: skuIds[1] });
    await pay(order);
    const gateway = fakeGateway();
    const stale = refundOrder(db, null, { orderId: order.id, from: 'paid', actor: staff, expectedVersion: 0 }, gateway.deps);
    await expect(stale).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(refundOrder(db, null, { orderId: order.id, from: 'pending', actor: staff }, gateway.deps)).rejects.toBeInstanceOf(AppError);
    expect(gateway.calls).toEqual([]);
    expect((await statusOf(order)).status).toBe('paid');
  });

  it('leaves the order as it was when the gateway refuses the refund', async () => {
    const order = await place({ type: 'user', userId: 1, email: 'declined@ferry.test' }, { skuId: skuIds[2] });
    await pay(order);
    const gateway = fakeGateway({ fails: true });
    await expect(refundOrder(db, null, { orderId: order.id, from: 'paid', actor: staff, expectedVersion: 1 }, gateway.deps)).rejects.toMatchObject({
      code: 'payment_unavailable',
    });
    expect(gateway.calls).toHaveLength(1);
    expect(await statusOf(order)).toEqual({ status: 'paid', version: 1 });
  });

  it('refunds only what is left after earlier refunds, and nothing through the gateway without a charge', async () => {
    const partly = await place({ type: 'user', userId: 1, email: 'partly@ferry.test' }, { skuId: skuIds[3] });
    await pay(partly, 'pi_partly');
    await db.insert(paymentLedger).values({ orderId: partly.id, gateway: 'sandbox', transactionId: 'ch_partly:100', kind: 'refund', amountMinor: 100, currency: 'USD' });
    const gateway = fakeGateway();
    await refundOrder(db, null, { orderId: partly.id, from: 'paid', actor: staff }, gateway.deps);
    expect(gateway.calls).toEqual([{ paymentId: 'pi_partly', amountMinor: partly.chargeMinor - 100 }]);

    // Cash on delivery: paid by hand, no card charge in the ledger.
    expect(await transitionOrder(db, null, { orderId: codOrder.id, from: 'pending', to: 'paid', actor: { type: 'system' } })).toBe(true);
    const none = fakeGateway();
    const result = await refundOrder(db, null, { orderId: codOrder.id, from: 'paid', actor: staff }, none.deps);
    expect(result.refund).toBeNull();
    expect(none.calls).toEqual([]);
    expect((await statusOf(codOrder)).status).toBe('refunded');
  });
});

describe('moveOrderByHand (the order page\'s transition buttons)', () => {
  it('returns the money through the gateway before a move to refunded', async () => {
    const order = await place({ type: 'user', userId: 1, email: 'button-refund@ferry.test' }, { skuId: skuIds[1] });
    await pay(order, 'pi_button_refund');
    const { version } = await statusOf(order);
    const gateway = fakeGateway();
    await moveOrderByHand(db, null, { orderId: order.id, from: 'paid', to: 'refunded', actor: staff, expectedVersion: version }, gateway.deps);
    expect(gateway.calls).toEqual([{ paymentId: 'pi_button_refund', amountMinor: order.chargeMinor }]);
    expect(await statusOf(order)).toEqual({ status: 'refunded', version: version + 1 });
  });

  it('moves without asking the gateway for any other transition, and refuses moves only the system makes', async () => {
    const order = await place({ type: 'user', userId: 1, email: 'button-cancel@ferry.test' }, { skuId: skuIds[2] });
    const gateway = fakeGateway();
    await expect(moveOrderByHand(db, null, { orderId: order.id, from: 'pending', to: 'paid', actor: staff }, gateway.deps)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect((await statusOf(order)).status).toBe('pending');
    await moveOrderByHand(db, null, { orderId: order.id, from: 'pending', to: 'cancelled', actor: staff, expectedVersion: 0 }, gateway.deps);
    expect(gateway.calls).toEqual([]);
    expect((await statusOf(order)).status).toBe('cancelled');
    // The same button again (a stale page): the order is no longer pending.
    await expect(moveOrderByHand(db, null, { orderId: order.id, from: 'pending', to: 'cancelled', actor: staff }, gateway.deps)).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});

describe('stock editor reads', () => {
  it('finds a product by its id, by one of its SKU ids and by title words', async () => {
    const [sku] = await db.select({ id: skus.id, productId: skus.productId }).from(skus).orderBy(sql`${skus.id} desc`).limit(1);
    const byProduct = await findStockProducts(db, String(sku!.productId), 'en');
    expect(byProduct.map((p) => p.id)).toContain(sku!.productId);
    const bySku = await findStockProducts(db, String(sku!.id), 'en');
    expect(bySku.map((p) => p.id)).toContain(sku!.productId);

    const [product] = await db.select({ id: products.id, titleZh: products.titleZh }).from(products).where(eq(products.id, sku!.productId));
    const found = await findStockProducts(db, product!.titleZh.slice(0, 4), 'zh-CN');
    expect(found.length).toBeGreaterThan(0);
    expect(await findStockProducts(db, '999999999', 'en')).toEqual([]);
    expect(await findStockProducts(db, '   ', 'en')).toEqual([]);
  });

  it("lists a product's SKUs with held units and what is sellable", async () => {
    const [row] = await db.select({ productId: skus.productId }).from(skus).where(eq(skus.id, skuIds[2]!));
    const listed = await listStockSkus(db, row!.productId, 'en');
    const sku = listed!.skus.find((s) => s.id === skuIds[2]);
    expect(sku!.reserved).toBeGreaterThan(0);
    expect(sku!.sellable).toBe(sku!.stock - sku!.reserved);
    expect(sku!.attributes.every((a) => a.nameZh.length > 0)).toBe(true);
    expect(await listStockSkus(db, 999_999_999, 'en')).toBeNull();
  });
});
