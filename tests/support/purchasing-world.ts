import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { products, sellers, skus } from '@/db/schema/catalog';
import { placeOrder } from '@/lib/checkout/place-order';
import type { Customer } from '@/lib/checkout/types';
import type { CurrencyCode } from '@/lib/money/currencies';
import { processWebhookEvent } from '@/lib/payments/process-webhook-event';
import { receivePaymentWebhook } from '@/lib/payments/receive-webhook';
import { resetConnectors } from '@/lib/suppliers/registry';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from '@/sandboxes/alibaba-1688/sandbox';
import { createCheckoutWorld, type CheckoutWorld } from './checkout-fixtures';

const APP_KEY = '8068168';
const APP_SECRET = 'ferry-demo-1688-secret';
const REFRESH_TOKEN = 'ferry-demo-1688-refresh-token';

export type SandboxOrderView = {
  id: string;
  outOrderId: string | null;
  status: string;
  sellerMemberId: string;
  goodsFen: number;
  lines: { offerId: string; skuId: string; quantity: number; unitPriceFen: number }[];
};

/**
 * A seeded checkout world (real MariaDB + Redis) and the in-process 1688 sandbox over the same
 * deterministic catalog, with the registry's connector pointed at it (env + resetConnectors), so
 * purchasing runs the real connector against 1688's wire protocol. With `pushUrl` the sandbox also
 * pushes its messages there, signed.
 */
export async function createPurchasingWorld(prefix: string, productCount = 30, options: { pushUrl?: string } = {}) {
  const world = await createCheckoutWorld(prefix, productCount);
  const sandbox: Alibaba1688Sandbox = await startAlibaba1688Sandbox({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    refreshToken: REFRESH_TOKEN,
    offers: productCount,
    seed: 'ferry-demo',
    rate: 5000,
    tokenTtlSeconds: 3600,
    pushUrl: options.pushUrl ?? null,
  });
  const saved = { base: process.env.ALIBABA_1688_BASE_URL, timeout: process.env.ALIBABA_1688_TIMEOUT_MS };
  process.env.ALIBABA_1688_BASE_URL = sandbox.url;
  process.env.ALIBABA_1688_TIMEOUT_MS = '1500';
  resetConnectors();

  async function control<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    ...world,
    sandbox,
    control,
    async upstreamOrders(): Promise<SandboxOrderView[]> {
      return (await control<{ orders: SandboxOrderView[] }>('/__sandbox/orders')).orders;
    },
    async close() {
      await sandbox.close();
      process.env.ALIBABA_1688_BASE_URL = saved.base;
      process.env.ALIBABA_1688_TIMEOUT_MS = saved.timeout;
      if (saved.base === undefined) delete process.env.ALIBABA_1688_BASE_URL;
      if (saved.timeout === undefined) delete process.env.ALIBABA_1688_TIMEOUT_MS;
      resetConnectors();
      await world.close();
    },
  };
}

export type PurchasingWorld = Awaited<ReturnType<typeof createPurchasingWorld>>;

export type CatalogSku = { skuId: number; productId: number; sellerId: number; offerId: string; sourceSkuId: string; priceMinor: number };

/** The seeded SKUs grouped by seller (sellers with the most SKUs first), stock made plentiful. */
export async function skusBySeller(world: CheckoutWorld): Promise<CatalogSku[][]> {
  await world.db.update(skus).set({ stock: 500, reserved: 0 });
  const rows = await world.db
    .select({ skuId: skus.id, productId: products.id, sellerId: products.sellerId, offerId: products.sourceId, sourceSkuId: skus.sourceSkuId, priceMinor: skus.priceMinor })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .orderBy(asc(skus.id));
  const groups = new Map<number, CatalogSku[]>();
  for (const row of rows) groups.set(row.sellerId, [...(groups.get(row.sellerId) ?? []), row]);
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

const WEBHOOK_SECRET = process.env.SANDBOX_WEBHOOK_SECRET ?? 'whsec_ferry_sandbox_demo';
const stripe = new Stripe('sk_test_unused');

/** A Stripe-format event signed like the sandbox gateway signs it. */
export function signedEvent(type: string, object: Record<string, unknown>, eventId = `evt_${randomUUID()}`) {
  const body = JSON.stringify({ id: eventId, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
  return { body, header: stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }) };
}

/** What POST /api/webhooks/payments/sandbox does: verify and store, then process. */
export async function deliverWebhook(world: CheckoutWorld, event: { body: string; header: string }) {
  const stored = await receivePaymentWebhook(world.db, 'sandbox', event.body, event.header);
  return stored.isNew ? processWebhookEvent(world.db, world.redis, stored.id) : 'redelivery';
}

export type PlacedTestOrder = { id: number; number: string; chargeMinor: number; chargeCurrency: string; chargeRate: string };

/** A real order (placeOrder), paid through the real payment webhook path. */
export async function placePaidOrder(
  world: CheckoutWorld,
  items: { skuId: number; quantity: number; remark?: string }[],
  options: { customer?: Customer; currency?: CurrencyCode; locale?: string } = {},
): Promise<PlacedTestOrder> {
  const { order } = await placeOrder(
    { db: world.db, redis: world.redis },
    {
      items,
      currency: options.currency ?? 'EUR',
      shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
      checkoutToken: randomUUID(),
      locale: options.locale ?? 'en',
      customer: options.customer ?? { type: 'partner', partnerKeyId: 'pk_purchasing_test' },
      gateway: 'sandbox',
    },
  );
  const outcome = await deliverWebhook(
    world,
    signedEvent('payment_intent.succeeded', {
      id: `pi_${randomUUID()}`,
      object: 'payment_intent',
      amount: order.chargeMinor,
      amount_received: order.chargeMinor,
      currency: order.chargeCurrency.toLowerCase(),
      metadata: { order_number: order.number },
    }),
  );
  if (outcome !== 'paid') throw new Error(`payment of ${order.number} was ${outcome}`);
  return { id: order.id, number: order.number, chargeMinor: order.chargeMinor, chargeCurrency: order.chargeCurrency, chargeRate: order.chargeRate };
}
