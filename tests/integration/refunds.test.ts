import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderItems, orders, paymentLedger, purchaseOrders, refunds } from '@/db/schema';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import { confirmCodOrder } from '@/lib/orders/cod/decide-cod-order';
import { parseEnv, type Env } from '@/lib/env';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { issueRefund } from '@/lib/payments/refund';
import { refundOrder } from '@/lib/payments/refund-order';
import { cardGateway } from '@/lib/payments/registry';
import { buySellerGroup } from '@/lib/purchasing/buy-seller-group';
import { walletBalanceIn } from '@/lib/wallet/queries';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createPurchasingWorld, deliverWebhook, skusBySeller, type CatalogSku, type PurchasingWorld } from '../support/purchasing-world';

// Refunds against real MariaDB, Redis, the sandbox payment gateway (its charge.refunded webhooks
// delivered through the real receive → process path) and the 1688 sandbox: once however often the
// button fires, never more than was charged across the wallet and the card, and a refunded item
// never both refunded and paid to its seller.
const SECRET_KEY = 'sk_test_ferry_sandbox';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const run = promisify(execFile);

let world: PurchasingWorld;
let sellers: CatalogSku[][];
let receiver: TestReceiver;
let gateway: PaymentGateway;
let env: Env;
let shopper: { id: number; email: string };
const staff = { type: 'user' as const, id: 1, label: 'finance@ferry.test' };

beforeAll(async () => {
  world = await createPurchasingWorld('ferry_test_refunds', 12);
  sellers = await skusBySeller(world);
  receiver = await startTestReceiver(async (request) => {
    try {
      await deliverWebhook(world, { body: request.body, header: request.signature });
      return 200;
    } catch {
      return 400;
    }
  });
  gateway = await startPaymentGateway({ secretKey: SECRET_KEY, webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', retry: { attempts: 5, baseMs: 20 } });
  env = parseEnv({ ...process.env, PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gateway.url });
  shopper = await createUser(world.db, { email: `refunds-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await world?.close();
});

const deps = () => ({ gatewayFor: (name: 'sandbox' | 'stripe' | 'cod') => cardGateway(env, name) });

async function until<T>(read: () => Promise<T>, isDone: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function orderRow(id: number) {
  const [row] = await world.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

/** The shopper's order of these SKUs, paid on the sandbox gateway (pay page → webhook). */
async function paidOrder(skus: CatalogSku[]) {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis, env },
    {
      items: skus.map((sku) => ({ skuId: sku.skuId, quantity: 1 })),
      currency: 'EUR',
      shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
      checkoutToken: randomUUID(),
      locale: 'en',
      customer: { type: 'user', userId: shopper.id, email: shopper.email },
      gateway: 'sandbox',
    },
  );
  await startOrderPayment(world.db, env, await orderRow(order.id), `http://shop.test/pay/${order.number}/return`);
  const { gatewayPaymentId } = await orderRow(order.id);
  await fetch(`${gateway.url}/__sandbox/intents/${gatewayPaymentId}/succeed`, { method: 'POST' });
  await until(() => orderRow(order.id), (o) => o.status === 'paid', `order ${order.number} paid`);
  const items = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  return { order: await orderRow(order.id), itemIds: items.map((item) => item.id) };
}

const refundsOf = (orderId: number) => world.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.id));
/** What the gateway confirmed went back to the card (the balance's refunds are ledger rows of gateway `wallet`). */
async function cardRefunded(orderId: number) {
  const rows = await world.db.select({ amountMinor: paymentLedger.amountMinor }).from(paymentLedger).where(and(eq(paymentLedger.orderId, orderId), eq(paymentLedger.kind, 'refund'), eq(paymentLedger.status, 'recorded'), ne(paymentLedger.gateway, 'wallet')));
  return rows.reduce((total, row) => total + row.amountMinor, 0);
}
const refund = (orderId: number, input: { to: 'wallet' | 'original'; amountMinor?: number; itemIds?: number[]; key?: string }) =>
  issueRefund(world.db, world.redis, { orderId, to: input.to, amountMinor: input.amountMinor, itemIds: input.itemIds, reason: 'Seller out of stock', idempotencyKey: input.key ?? randomUUID(), actor: staff }, deps());

describe('exactly once', () => {
  it('a refund fired 20 times at once with one key returns the money once', async () => {
    const { order } = await paidOrder([sellers[2]![0]!]);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => refund(order.id, { to: 'original', key })));
    expect(new Set(results.map((r) => r.refundId)).size).toBe(1);
    expect(results.filter((r) => !r.isRepeat)).toHaveLength(1);
    expect(results[0]).toMatchObject({ amountMinor: order.chargeMinor, currency: 'EUR', to: 'original' });
    expect(await refundsOf(order.id)).toHaveLength(1);
    await until(() => cardRefunded(order.id), (total) => total === order.chargeMinor, 'the gateway’s refund in the ledger');
    const [row] = await until(() => refundsOf(order.id), (rows) => rows[0]?.status === 'succeeded', 'the refund confirmed');
    expect(row!.gatewayRefundId).toMatch(/^re_/);
    expect((await orderRow(order.id)).status).toBe('refunded');
  });

  it('a card refund claimed but never sent (the process died) is sent by a repeat of its key, once', async () => {
    const { order } = await paidOrder([sellers[2]![0]!]);
    const key = randomUUID();
    const [inserted] = await world.db.insert(refunds).values({
      orderId: order.id,
      amountMinor: 200,
      currency: 'EUR',
      amountCnyMinor: 1,
      rate: order.chargeRate,
      destination: 'original',
      reason: 'Seller out of stock',
      status: 'requested',
      gateway: 'sandbox',
      idempotencyKey: key,
      actorType: 'user',
      createdAt: new Date(Date.now() - 5 * 60_000),
    });
    const again = await Promise.all([refund(order.id, { to: 'original', key }), refund(order.id, { to: 'original', key })]);
    expect(again.map((r) => [r.refundId, r.isRepeat])).toEqual([
      [inserted.insertId, true],
      [inserted.insertId, true],
    ]);
    await until(() => cardRefunded(order.id), (total) => total === 200, 'the resent refund in the ledger');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cardRefunded(order.id)).toBe(200);
    const [row] = await until(() => refundsOf(order.id), (rows) => rows[0]?.status === 'succeeded', 'the resent refund confirmed');
    expect(row!.gatewayRefundId).toMatch(/^re_/);
  });

  it('20 different clicks for everything refundable at once: one refunds, the rest find nothing left', async () => {
    const { order } = await paidOrder([sellers[2]![1]!]);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => refund(order.id, { to: 'wallet' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.code === 'conflict')).toBe(true);
    expect(await walletBalanceIn(world.db, shopper.id, 'EUR')).toBeGreaterThanOrEqual(order.chargeMinor);
    expect(await refundsOf(order.id)).toHaveLength(1);
    expect((await orderRow(order.id)).status).toBe('refunded');
  });
});

describe('never more than was charged', () => {
  it('part to the wallet, the rest to the card, nothing beyond; a partial refund leaves the order as it was', async () => {
    const { order } = await paidOrder([sellers[2]![0]!, sellers[2]![1]!]);
    const before = await walletBalanceIn(world.db, shopper.id, 'EUR');
    const wallet = await refund(order.id, { to: 'wallet', amountMinor: 100 });
    expect(wallet).toMatchObject({ amountMinor: 100, status: 'succeeded', isFull: false });
    expect(await walletBalanceIn(world.db, shopper.id, 'EUR')).toBe(before + 100);
    expect((await orderRow(order.id)).status).toBe('paid');

    await expect(refund(order.id, { to: 'original', amountMinor: order.chargeMinor })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'exceeds_refundable', currency: 'EUR', refundableMinor: order.chargeMinor - 100, requestedMinor: order.chargeMinor, pendingMinor: 0 },
    });
    const rest = await refund(order.id, { to: 'original' });
    expect(rest.amountMinor).toBe(order.chargeMinor - 100);
    await expect(refund(order.id, { to: 'wallet', amountMinor: 1 })).rejects.toMatchObject({ code: 'conflict' });
    await until(() => cardRefunded(order.id), (total) => total === order.chargeMinor - 100, 'the card refund in the ledger');
    const rows = await refundsOf(order.id);
    expect(rows.map((r) => [r.destination, r.amountMinor, r.rate])).toEqual([
      ['wallet', 100, order.chargeRate],
      ['original', order.chargeMinor - 100, order.chargeRate],
    ]);
    expect(rows.reduce((total, r) => total + r.amountMinor, 0)).toBe(order.chargeMinor);
    expect((await orderRow(order.id)).status).toBe('refunded');
  });

  it('says why it refuses: an order without a shopper account has no wallet, a refunded item is refunded once, a card refund still waiting holds the rest', async () => {
    const { order, itemIds } = await paidOrder([sellers[2]![0]!, sellers[2]![1]!]);
    // Without a shopper account (a partner's order) there is no wallet to refund to; nothing moves.
    await world.db.update(orders).set({ userId: null }).where(eq(orders.id, order.id));
    await expect(refund(order.id, { to: 'wallet', amountMinor: 1 })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'no_shopper_account' } });
    await world.db.update(orders).set({ userId: shopper.id }).where(eq(orders.id, order.id));

    await refund(order.id, { to: 'wallet', itemIds: [itemIds[0]!] });
    await expect(refund(order.id, { to: 'wallet', itemIds: [itemIds[0]!] })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'item_already_refunded', itemIds: [itemIds[0]] } });
    // The rest asked of the card and not yet confirmed by the gateway (planted as the gateway's silence).
    const left = (await refundsOf(order.id)).reduce((total, r) => total - r.amountMinor, order.chargeMinor);
    await world.db.insert(refunds).values({ orderId: order.id, amountMinor: left, currency: 'EUR', amountCnyMinor: 1, rate: order.chargeRate, destination: 'original', reason: 'Seller out of stock', status: 'requested', gateway: 'sandbox', idempotencyKey: randomUUID(), actorType: 'user' });
    await expect(refund(order.id, { to: 'wallet', amountMinor: 1 })).rejects.toMatchObject({ code: 'conflict', details: { reason: 'pending_card_refund', refundableMinor: 0, pendingMinor: left, currency: 'EUR' } });
    expect(await refundsOf(order.id)).toHaveLength(2);
  });

  it('requires a reason', async () => {
    const { order } = await paidOrder([sellers[2]![0]!]);
    await expect(issueRefund(world.db, world.redis, { orderId: order.id, to: 'wallet', reason: '  ', idempotencyKey: randomUUID(), actor: staff }, deps())).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('upstream: never both refunded and paid to the seller', () => {
  async function boughtOrder(seller: CatalogSku[]) {
    const paid = await paidOrder([seller[0]!]);
    const bought = await buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff);
    expect(bought.outcome).toBe('placed');
    const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, bought.purchaseOrderId));
    return { ...paid, po: po! };
  }

  it('a bought, unshipped item refunded cancels its 1688 order and marks the purchase order and line cancelled', async () => {
    const { order, itemIds, po } = await boughtOrder(sellers[0]!);
    expect((await world.upstreamOrders()).find((o) => o.id === po.upstreamOrderId)?.status).toBe('waitsellersend');
    const issued = await refund(order.id, { to: 'wallet', itemIds });
    // The item's price at the pinned rate: less than the charge, which holds fees and shipping too.
    expect(issued.amountMinor).toBeGreaterThan(0);
    expect(issued.amountMinor).toBeLessThan(order.chargeMinor);
    expect((await world.upstreamOrders()).find((o) => o.id === po.upstreamOrderId)?.status).toBe('cancel');
    const [poAfter] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, po.id));
    expect(poAfter!.status).toBe('cancelled');
    const [line] = await world.db.select().from(orderItems).where(eq(orderItems.id, itemIds[0]!));
    expect(line!.purchaseStatus).toBe('cancelled');
    const [row] = await refundsOf(order.id);
    expect(row!.items).toEqual([expect.objectContaining({ orderItemId: itemIds[0], disposition: 'cancelled_upstream' })]);
  });

  it('a shipped one is recorded as the agent’s stock, and 1688 is not asked to cancel', async () => {
    const { order, itemIds, po } = await boughtOrder(sellers[1]!);
    await world.control(`/__sandbox/orders/${po.upstreamOrderId}/ship`, 'POST', {});
    await refund(order.id, { to: 'original', itemIds });
    expect((await world.upstreamOrders()).find((o) => o.id === po.upstreamOrderId)?.status).toBe('waitbuyerreceive');
    const [row] = await refundsOf(order.id);
    expect(row!.items).toEqual([expect.objectContaining({ orderItemId: itemIds[0], disposition: 'agent_stock' })]);
    const [poAfter] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, po.id));
    expect(poAfter!.status).toBe('placed');
  });
});

describe('upstream, more cases', () => {
  it('a staff refund of a whole bought order cancels its unshipped 1688 order: the agent does not pay the seller', async () => {
    const seller = sellers[3]!;
    const paid = await paidOrder([seller[0]!]);
    const bought = await buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff);
    expect(bought.outcome).toBe('placed');
    const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, bought.purchaseOrderId));
    const { status } = await orderRow(paid.order.id);
    await refundOrder(world.db, world.redis, { orderId: paid.order.id, from: status, actor: staff, reason: 'Shopper cancelled' }, deps());
    expect((await orderRow(paid.order.id)).status).toBe('refunded');
    expect((await world.upstreamOrders()).find((o) => o.id === po!.upstreamOrderId)?.status).toBe('cancel');
    const [line] = await world.db.select().from(orderItems).where(eq(orderItems.id, paid.itemIds[0]!));
    expect(line!.purchaseStatus).toBe('cancelled');
  });

  it('a staff refund of a confirmed cash-on-delivery order bought upstream cancels its unshipped 1688 order too (there is no charge to refund)', async () => {
    const seller = sellers[5] ?? sellers[4]!;
    const sku = seller[seller.length - 1]!;
    const { order } = await placeOrder(
      { db: world.db, redis: world.redis, env },
      {
        items: [{ skuId: sku.skuId, quantity: 1 }],
        currency: 'AED',
        shippingAddress: { name: 'Layla Ahmed', line1: 'Sheikh Zayed Road 12', city: 'Dubai', country: 'AE', phone: '+971501234567' },
        checkoutToken: randomUUID(),
        locale: 'ar',
        customer: { type: 'user', userId: shopper.id, email: shopper.email },
        gateway: 'cod',
      },
    );
    await confirmCodOrder(world.db, world.redis, { orderId: order.id, expectedVersion: (await orderRow(order.id)).version, actor: staff });
    const bought = await buySellerGroup(world.db, world.redis, sku.sellerId, staff);
    expect(bought.outcome).toBe('placed');
    const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, bought.purchaseOrderId));
    expect((await world.upstreamOrders()).find((o) => o.id === po!.upstreamOrderId)?.status).toBe('waitsellersend');
    const { status } = await orderRow(order.id);
    await refundOrder(world.db, world.redis, { orderId: order.id, from: status, actor: staff, reason: 'Shopper refused the delivery call' }, deps());
    expect((await orderRow(order.id)).status).toBe('refunded');
    expect((await world.upstreamOrders()).find((o) => o.id === po!.upstreamOrderId)?.status).toBe('cancel');
    expect(await refundsOf(order.id)).toEqual([]);
  });

  it('part of a multi-line purchase order is left for staff (1688 cannot cancel part of an order), and one never bought is withdrawn', async () => {
    const seller = sellers[4] ?? sellers[5]!;
    const paid = await paidOrder([seller[0]!, seller[1] ?? seller[0]!].filter((sku, k, all) => all.findIndex((s) => s.skuId === sku.skuId) === k));
    const bought = await buySellerGroup(world.db, world.redis, seller[0]!.sellerId, staff);
    expect(bought.outcome).toBe('placed');
    const [po] = await world.db.select().from(purchaseOrders).where(eq(purchaseOrders.id, bought.purchaseOrderId));
    const lines = await world.db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.purchaseOrderId, po!.id));
    expect(lines.length).toBeGreaterThan(1);
    await refund(paid.order.id, { to: 'wallet', itemIds: [lines[0]!.id] });
    expect((await world.upstreamOrders()).find((o) => o.id === po!.upstreamOrderId)?.status).toBe('waitsellersend');
    const [row] = await refundsOf(paid.order.id);
    expect(row!.items).toEqual([expect.objectContaining({ orderItemId: lines[0]!.id, disposition: 'staff_review' })]);

    const other = await paidOrder([sellers[2]![0]!, sellers[2]![1]!]);
    await refund(other.order.id, { to: 'wallet', itemIds: [other.itemIds[0]!] });
    const [withdrawn] = await world.db.select().from(orderItems).where(eq(orderItems.id, other.itemIds[0]!));
    expect(withdrawn!.purchaseStatus).toBe('cancelled');
    expect((await refundsOf(other.order.id))[0]!.items).toEqual([expect.objectContaining({ disposition: 'not_bought' })]);
    // The other line is still to be bought, and the order still the shopper's.
    const [kept] = await world.db.select().from(orderItems).where(eq(orderItems.id, other.itemIds[1]!));
    expect(kept!.purchaseStatus).toBe('queued');
    expect((await orderRow(other.order.id)).status).toBe('paid');
  });
});

describe('ferry refund', () => {
  async function ferry(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'cli/ferry.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: world.url, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9', PAYMENT_GATEWAY: 'sandbox', SANDBOX_GATEWAY_URL: gateway.url },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('prints the contract, refunds what is left without an amount, and refuses what it cannot do', async () => {
    const { order } = await paidOrder([sellers[2]![0]!]);
    const part = await ferry('refund', '--order', order.number, '--amount-minor', '150', '--to', 'wallet', '--reason', 'Goodwill');
    expect(part.code).toBe(0);
    const printed = JSON.parse(part.stdout);
    expect(Object.keys(printed)).toEqual(['refundId', 'amount', 'to']);
    expect(printed).toMatchObject({ amount: { amountMinor: 150, currency: 'EUR' }, to: 'wallet' });

    const tooMuch = await ferry('refund', '--order', order.number, '--amount-minor', String(order.chargeMinor), '--to', 'original', '--reason', 'Too much');
    expect(tooMuch).toMatchObject({ code: 1, stdout: '' });
    // One line: the reason and what is still refundable, exactly.
    const left = order.chargeMinor - 150;
    expect(tooMuch.stderr.trim().split('\n')).toEqual([`ferry: refund: exceeds_refundable: At most ${(left / 100).toFixed(2)} EUR (${left} minor units) is still refundable`]);
    expect(await ferry('refund', '--order', 'FR-NOPE-0000', '--to', 'wallet', '--reason', 'x')).toMatchObject({ code: 1, stdout: '' });
    expect(await ferry('refund', '--order', order.number, '--to', 'bank', '--reason', 'x')).toMatchObject({ code: 2, stdout: '' });
    expect(await ferry('refund', '--order', order.number, '--to', 'wallet')).toMatchObject({ code: 2, stdout: '' });

    const rest = await ferry('refund', '--order', order.number, '--to', 'original', '--reason', 'Cancelled by the shopper');
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ amount: { amountMinor: order.chargeMinor - 150, currency: 'EUR' }, to: 'original' });
    expect((await refundsOf(order.id)).map((r) => r.amountMinor)).toEqual([150, order.chargeMinor - 150]);
  });
});
