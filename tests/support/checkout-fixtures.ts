import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from '@upstash/redis';
import { asc, eq } from 'drizzle-orm';
import { skus } from '@/db/schema';
import { seedDemo } from '@/lib/demo/seed';
import type { PlaceOrderInput } from '@/lib/checkout/types';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { createTestDatabase } from './test-database';

const TOKEN = 'checkout-test-token';

/** A migrated, seeded throwaway database and the real Redis behind a private Upstash bridge. */
export async function createCheckoutWorld(prefix: string, products = 5) {
  const database = await createTestDatabase(prefix);
  await seedDemo(database.db, { count: products, mediaDir: await mkdtemp(path.join(os.tmpdir(), 'ferry-media-')) });
  const bridge: Bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: TOKEN });
  const redis = new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false, retry: { retries: 0 } });
  /** A client whose Redis is gone: a closed port, failing fast. */
  const deadRedis = new Redis({ url: 'http://127.0.0.1:9', token: TOKEN, enableTelemetry: false, retry: { retries: 0 } });
  return {
    ...database,
    redis,
    deadRedis,
    async close() {
      await bridge.close();
      await database.drop();
    },
  };
}

export type CheckoutWorld = Awaited<ReturnType<typeof createCheckoutWorld>>;

/** The first SKU, set to `stock` units with nothing reserved. */
export async function skuWithStock(world: CheckoutWorld, stock: number, offset = 0): Promise<number> {
  const [sku] = await world.db.select({ id: skus.id }).from(skus).orderBy(asc(skus.id)).limit(1).offset(offset);
  await world.db.update(skus).set({ stock, reserved: 0 }).where(eq(skus.id, sku!.id));
  return sku!.id;
}

export function orderInput(skuId: number, quantity: number, token: string, overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    items: [{ skuId, quantity }],
    currency: 'EUR',
    shippingAddress: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
    checkoutToken: token,
    locale: 'en',
    customer: { type: 'partner', partnerKeyId: 'pk_test' },
    ...overrides,
  };
}
