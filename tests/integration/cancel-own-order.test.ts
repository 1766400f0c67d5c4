import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, orders, skus } from '@/db/schema';
import { createUser } from '@/lib/auth/create-user';
import { placeOrder } from '@/lib/checkout/place-order';
import { parseEnv, type Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { cancelOwnOrder } from '@/lib/payments/cancel-own-order';
import { startOrderPayment } from '@/lib/payments/pay-order';
import { sandboxGateway } from '@/lib/payments/stripe-api';
import { startPaymentGateway, type PaymentGateway } from '@/sandboxes/payment-gateway/gateway';
import { startTestReceiver, type TestReceiver } from '@/sandboxes/payment-gateway/test-receiver';
import { createCheckoutWorld, orderInput, skuWithStock, type CheckoutWorld } from '../support/checkout-fixtures';

// The shopper cancels their own unpaid order against the real sandbox gateway (Stripe's API):
// an opened payment is withdrawn first, and one that went through stops the cancel.
let world: CheckoutWorld;
let gateway: PaymentGateway;
let receiver: TestReceiver;
let env: Env;
let shopper: { id: number; email: string };
let stranger: { id: number; email: string };

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_cancel_own');
  // Webhooks are acknowledged and dropped: these tests look at the gateway and the order, not at payment events.
  receiver = await startTestReceiver(async () => 200);
  gateway = await startPaymentGateway({ secretKey: 'sk_test_ferry_sandbox', webhookUrl: receiver.url, webhookSecret: 'whsec_ferry_sandbox_demo', retry: { attempts: 1, baseMs: 10 } });
  env = parseEnv({ ...process.env, SANDBOX_GATEWAY_URL: gateway.url, SANDBOX_SECRET_KEY: 'sk_test_ferry_sandbox' });
  shopper = await createUser(world.db, { email: `cancel-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  stranger = await createUser(world.db, { email: `other-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await world?.close();
});

const actor = () => ({ type: 'user' as const, id: shopper.id, label: shopper.email });
const deps = () => ({ gatewayFor: () => sandboxGateway(env) });
const orderRow = async (id: number) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const reservedOf = async (skuId: number) => (await world.db.select({ reserved: skus.reserved }).from(skus).where(eq(skus.id, skuId)))[0]!.reserved;
const codeOf = (work: Promise<unknown>) => work.then(() => 'done', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

async function placeWithPayment(skuId: number) {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis },
    orderInput(skuId, 2, randomUUID(), { customer: { type: 'user', userId: shopper.id, email: shopper.email }, gateway: 'sandbox' }),
  );
  await startOrderPayment(world.db, env, await orderRow(order.id), `http://shop.test/pay/${order.number}/return`);
  const { gatewayPaymentId } = await orderRow(order.id);
  expect(gatewayPaymentId).toMatch(/^pi_/);
  return { ...order, gatewayPaymentId: gatewayPaymentId! };
}

const payAtGateway = (paymentId: string) => fetch(`${gateway.url}/__sandbox/intents/${paymentId}/succeed`, { method: 'POST' });

describe("a shopper cancelling their own unpaid order", () => {
  it('withdraws the opened payment at the gateway, cancels the order and returns its units', async () => {
    const skuId = await skuWithStock(world, 10);
    const order = await placeWithPayment(skuId);
    expect(await reservedOf(skuId)).toBe(2);

    // Not someone else's order, whatever number they send.
    expect(await codeOf(cancelOwnOrder(world.db, world.redis, { userId: stranger.id, number: order.number, actor: actor() }, deps()))).toBe('not_found');
    expect((await orderRow(order.id)).status).toBe('pending');

    await cancelOwnOrder(world.db, world.redis, { userId: shopper.id, number: order.number, actor: actor() }, deps());
    expect((await orderRow(order.id)).status).toBe('cancelled');
    expect(await reservedOf(skuId)).toBe(0);
    const [event] = await world.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).then((rows) => rows.filter((e) => e.type === 'order.cancelled'));
    expect(event!.payload).toMatchObject({ reason: 'cancelled by the shopper', actor: { type: 'user', id: shopper.id } });
    // The gateway's pay page can no longer take the money.
    const late = await payAtGateway(order.gatewayPaymentId);
    expect(late.status).toBeGreaterThanOrEqual(400);
    // A second click finds nothing left to cancel.
    expect(await codeOf(cancelOwnOrder(world.db, world.redis, { userId: shopper.id, number: order.number, actor: actor() }, deps()))).toBe('invalid_transition');
  });

  it('cancels nothing when the shopper finished paying first: the order waits for its payment', async () => {
    const skuId = await skuWithStock(world, 10, 1);
    const order = await placeWithPayment(skuId);
    expect((await payAtGateway(order.gatewayPaymentId)).status).toBe(200);

    expect(await codeOf(cancelOwnOrder(world.db, world.redis, { userId: shopper.id, number: order.number, actor: actor() }, deps()))).toBe('conflict');
    expect((await orderRow(order.id)).status).toBe('pending');
    expect(await reservedOf(skuId)).toBe(2);
  });

  it('cancels an order whose pay page was never opened without asking the gateway', async () => {
    const skuId = await skuWithStock(world, 10, 2);
    const { order } = await placeOrder(
      { db: world.db, redis: world.redis },
      orderInput(skuId, 1, randomUUID(), { customer: { type: 'user', userId: shopper.id, email: shopper.email }, gateway: 'sandbox' }),
    );
    const unreachable = { gatewayFor: () => sandboxGateway(parseEnv({ ...process.env, SANDBOX_GATEWAY_URL: 'http://127.0.0.1:9' })) };
    await cancelOwnOrder(world.db, world.redis, { userId: shopper.id, number: order.number, actor: actor() }, unreachable);
    expect((await orderRow(order.id)).status).toBe('cancelled');
  });

  it('tells the shopper to try again when the gateway cannot be reached, and changes nothing', async () => {
    const skuId = await skuWithStock(world, 10, 3);
    const order = await placeWithPayment(skuId);
    const unreachable = { gatewayFor: () => sandboxGateway(parseEnv({ ...process.env, SANDBOX_GATEWAY_URL: 'http://127.0.0.1:9', SANDBOX_SECRET_KEY: 'sk_test_ferry_sandbox' })) };
    expect(await codeOf(cancelOwnOrder(world.db, world.redis, { userId: shopper.id, number: order.number, actor: actor() }, unreachable))).toBe('payment_unavailable');
    expect((await orderRow(order.id)).status).toBe('pending');
  });
});
