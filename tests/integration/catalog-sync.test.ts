import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseName } from '@/db/client';
import { products, productTranslations, skus } from '@/db/schema/catalog';
import { syncRuns } from '@/db/schema/sync';
import { demoOfferId } from '@/lib/catalog/demo/ids';
import { getProductDetail } from '@/lib/catalog/queries/get-product-detail';
import { runCatalogSync } from '@/lib/catalog/sync/run-catalog-sync';
import { readCounters, seedCounters } from '@/lib/inventory/redis-stock';
import { countingTranslator, createSyncDatabase, SEED, shadowSkus, startRedis, startSandbox } from '../support/catalog-sync-world';

/**
 * The catalog sync against the 1688 sandbox through the real connector: a full walk imports
 * everything, a second one only confirms it (fast path, no translation), an incremental walk after
 * upstream changes updates exactly what changed, and the shadow's stock then equals the upstream's
 * — on the SKU rows, the product row and the product page's data.
 */
const OFFERS = 400;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let database: Awaited<ReturnType<typeof createSyncDatabase>>;
let redisWorld: Awaited<ReturnType<typeof startRedis>>;
const offerIds = Array.from({ length: OFFERS }, (_, i) => demoOfferId(SEED, i));
const options = { platform: '1688' as const, startedBy: 'test', pageSize: 50, chunkSize: 100, callsPerSecond: 500 };

beforeAll(async () => {
  sandbox = await startSandbox(OFFERS);
  database = await createSyncDatabase('ferry_test_sync');
  redisWorld = await startRedis();
});

afterAll(async () => {
  await sandbox?.close();
  await redisWorld?.bridge.close();
  await database?.drop();
});

describe('runCatalogSync against the 1688 sandbox', () => {
  it('imports every offer once with its source: platform, offer id, SKU ids and spec ids', async () => {
    const { provider, counter } = countingTranslator();
    const summary = await runCatalogSync(database.db, redisWorld.redis, { ...options, mode: 'full', translator: provider });
    expect(summary).toMatchObject({ status: 'completed', mode: 'full', created: OFFERS, updated: 0, unchanged: 0, failed: 0, seen: OFFERS, total: OFFERS, pages: 8 });
    expect(counter.texts).toBeGreaterThan(0);

    const [totals] = await database.db.select({ rows: count(), distinct: sql<number>`count(distinct ${products.sourceId})` }).from(products).where(eq(products.platform, '1688'));
    expect(totals).toEqual({ rows: OFFERS, distinct: OFFERS });
    const first = await sandbox.live(offerIds[0]!);
    const held = await shadowSkus(database.db, [first.offerId]);
    expect(held.size).toBe(first.skus.length);
    for (const sku of first.skus) {
      expect(held.get(`${first.offerId}:${sku.skuId}`)).toMatchObject({ priceMinor: sku.priceFen, stock: sku.amountOnSale, specId: sku.specId, reserved: 0 });
    }
    const [row] = await database.db.select({ contentHash: products.contentHash, url: products.sourceUrl }).from(products).where(eq(products.sourceId, first.offerId));
    expect(row!.contentHash).toMatch(/^[0-9a-f]{40}$/);
    expect(row!.url).toBe(`https://detail.1688.com/offer/${first.offerId}.html`);
    const english = await database.db.select().from(productTranslations).where(eq(productTranslations.locale, 'en'));
    expect(english).toHaveLength(OFFERS);

    const [run] = await database.db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId));
    expect(run).toMatchObject({ status: 'completed', seen: OFFERS, created: OFFERS, cursor: null, breaker: 'closed' });
    expect(run!.finishedAt).not.toBeNull();
    // The next incremental sync starts at the newest modification seen, which predates this walk.
    expect(run!.watermark!.toISOString()).toBe(summary.watermark);
    expect(run!.watermark!.getTime()).toBeLessThan(run!.startedAt.getTime());
  });

  it('confirms an unchanged catalog on the fast path: all unchanged, nothing translated', async () => {
    const { provider, counter } = countingTranslator();
    const summary = await runCatalogSync(database.db, redisWorld.redis, { ...options, mode: 'full', translator: provider });
    expect(summary).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: OFFERS, failed: 0, retired: 0 });
    expect(counter).toEqual({ texts: 0, calls: 0 });
  });

  it('updates exactly the offers changed upstream on an incremental sync, and the product page shows their stock', async () => {
    // A SKU that will change: its Redis counter must be dropped, its reserved units kept.
    const before = await shadowSkus(database.db, offerIds);
    const modified = await sandbox.control<{ modified: number; offerIds: string[] }>('POST', '/__sandbox/modify', { fraction: 0.1, seed: 'catalog-sync-test' });
    expect(modified.modified).toBe(OFFERS / 10);
    const target = [...before.values()].find((s) => s.offerId === modified.offerIds[0])!;
    await database.db.update(skus).set({ reserved: 2 }).where(eq(skus.id, target.id));
    await seedCounters(redisWorld.redis, databaseName(database.db), new Map([[target.id, 5]]));

    const { provider, counter } = countingTranslator();
    const summary = await runCatalogSync(database.db, redisWorld.redis, { ...options, mode: 'incremental', translator: provider });
    expect(summary).toMatchObject({ status: 'completed', mode: 'incremental', created: 0, updated: modified.modified, failed: 0 });
    expect(summary.seen).toBeLessThan(OFFERS / 2);
    expect(counter.calls).toBe(0);

    const after = await shadowSkus(database.db, modified.offerIds);
    for (const offerId of modified.offerIds) {
      const live = await sandbox.live(offerId);
      for (const sku of live.skus) expect(after.get(`${offerId}:${sku.skuId}`), `${offerId}:${sku.skuId}`).toMatchObject({ priceMinor: sku.priceFen, stock: sku.amountOnSale });
      const productId = after.get(`${offerId}:${live.skus[0]!.skuId}`)!.productId;
      const [row] = await database.db.select({ stockTotal: products.stockTotal }).from(products).where(eq(products.id, productId));
      expect(row!.stockTotal).toBe(live.skus.reduce((n, s) => n + s.amountOnSale, 0));
      const page = await getProductDetail(database.db, productId, 'en');
      expect(Object.fromEntries(page!.skus.map((s) => [s.sourceSkuId, s.stock]))).toEqual(Object.fromEntries(live.skus.map((s) => [s.skuId, s.amountOnSale])));
    }
    expect((await shadowSkus(database.db, [target.offerId])).get(`${target.offerId}:${target.skuId}`)!.reserved).toBe(2);
    expect((await readCounters(redisWorld.redis, databaseName(database.db), [target.id])).get(target.id)).toBeNull();
    // Offers nobody touched kept their numbers.
    const untouched = offerIds.find((id) => !modified.offerIds.includes(id))!;
    const still = await shadowSkus(database.db, [untouched]);
    for (const [key, sku] of still) expect(sku.stock).toBe(before.get(key)!.stock);
  });

  it('keeps stock that a newer push set when a listing is older', async () => {
    const offerId = offerIds[7]!;
    const [sku] = [...(await shadowSkus(database.db, [offerId])).values()];
    // A push stamped in the future: no listing can be newer, so the sync must leave this stock alone.
    await database.db.update(skus).set({ stock: 4321, stockSourceAt: new Date(Date.now() + 86_400_000) }).where(eq(skus.id, sku!.id));
    await sandbox.control('POST', `/__sandbox/offers/${offerId}/skus/${sku!.skuId}`, { stock: 17, priceFen: 990 });
    const summary = await runCatalogSync(database.db, null, { ...options, mode: 'incremental', translator: countingTranslator().provider });
    expect(summary.status).toBe('completed');
    const [row] = await database.db.select({ stock: skus.stock, price: skus.priceMinor }).from(skus).where(eq(skus.id, sku!.id));
    expect(row).toEqual({ stock: 4321, price: 990 });
  });
});
