import { Redis } from '@upstash/redis';
import { and, eq, inArray } from 'drizzle-orm';
import { seedCategories } from '@/lib/demo/seed';
import { products, skus } from '@/db/schema/catalog';
import type { Database } from '@/db/client';
import type { DemoOffer } from '@/lib/catalog/demo';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import type { TranslationProvider } from '@/lib/i18n/translate/types';
import { resetConnectors } from '@/lib/suppliers/registry';
import { startAlibaba1688Sandbox, type Alibaba1688Sandbox } from '@/sandboxes/alibaba-1688/sandbox';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { createTestDatabase } from './test-database';

/*
 * What the catalog-sync tests share: a migrated database with the demo categories, the 1688 sandbox
 * in-process (the real connector reaches it over HTTP through the registry), Redis behind a private
 * Upstash bridge, and a translator that counts what it is asked.
 */

export const SEED = 'ferry-demo';
const TOKEN = 'catalog-sync-test-token';

export type LiveOffer = DemoOffer & { isOnSale: boolean };

export function countingTranslator() {
  const counter = { texts: 0, calls: 0 };
  const provider: TranslationProvider = {
    name: offlineProvider.name,
    translate(texts, from, to, kind) {
      counter.calls += 1;
      counter.texts += texts.length;
      return offlineProvider.translate(texts, from, to, kind);
    },
  };
  return { provider, counter };
}

export async function startSandbox(offers: number): Promise<Alibaba1688Sandbox & { control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>; live(offerId: string): Promise<LiveOffer> }> {
  const sandbox = await startAlibaba1688Sandbox({
    appKey: '8068168',
    appSecret: 'ferry-demo-1688-secret',
    refreshToken: 'ferry-demo-1688-refresh-token',
    offers,
    seed: SEED,
    rate: 1000,
    tokenTtlSeconds: 3600,
    pushUrl: null,
  });
  process.env.ALIBABA_1688_BASE_URL = sandbox.url;
  resetConnectors();
  const control = async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${sandbox.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return Object.assign(sandbox, { control, live: (offerId: string) => control<LiveOffer>('GET', `/__sandbox/offers/${offerId}`) });
}

export async function createSyncDatabase(prefix: string) {
  const database = await createTestDatabase(prefix);
  await seedCategories(database.db);
  return database;
}

export async function startRedis(): Promise<{ bridge: Bridge; redis: Redis }> {
  const bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: TOKEN });
  return { bridge, redis: new Redis({ url: bridge.url, token: TOKEN, enableTelemetry: false, retry: { retries: 0 } }) };
}

/** The shadow's SKUs of some offers: `offerId:skuId → {price, stock, reserved}`. */
export async function shadowSkus(db: Database, offerIds: string[]) {
  const rows = await db
    .select({ offerId: products.sourceId, skuId: skus.sourceSkuId, id: skus.id, productId: products.id, priceMinor: skus.priceMinor, stock: skus.stock, reserved: skus.reserved, specId: skus.sourceSpecId, stockTotal: products.stockTotal })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(products.platform, '1688'), inArray(products.sourceId, offerIds)));
  return new Map(rows.map((r) => [`${r.offerId}:${r.skuId}`, r]));
}
