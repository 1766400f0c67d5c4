import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, productTranslations, skus } from '@/db/schema/catalog';
import { syncFailures } from '@/db/schema/sync';
import { generateOffer } from '@/lib/catalog/demo';
import { toSourceProduct } from '@/lib/catalog/demo/to-source-product';
import { importProducts } from '@/lib/catalog/import/import-products';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { runCatalogSync } from '@/lib/catalog/sync/run-catalog-sync';
import { offlineProvider } from '@/lib/i18n/translate/offline';
import type { CatalogPageRequest, SupplierConnector } from '@/lib/suppliers/types';
import { createSyncDatabase, SEED } from '../support/catalog-sync-world';

/**
 * What the sync writes, with a connector that hands over chosen listings: the upstream's own
 * English title, a listing that cannot be imported, a listing taken down, and one that vanished.
 */
let database: Awaited<ReturnType<typeof createSyncDatabase>>;
const options = { translator: offlineProvider, locales: ['en', 'zh-CN'] };
const demo = (i: number): SourceProduct => ({ ...toSourceProduct(generateOffer(SEED, i)), skus: toSourceProduct(generateOffer(SEED, i)).skus.map((s, k) => ({ ...s, specId: `spec-${i}-${k}` })) });

/** A connector whose catalog is whatever `listings` holds at the time of the walk. */
function connectorOf(listings: () => SourceProduct[]): SupplierConnector {
  return {
    platform: '1688',
    async listCatalog(request: CatalogPageRequest) {
      const all = listings();
      const from = request.cursor ? Number(request.cursor) : 0;
      const page = all.slice(from, from + request.pageSize);
      return { products: page, cursor: from + page.length < all.length ? String(from + page.length) : null, total: all.length, watermark: null, rejected: [] };
    },
  } as unknown as SupplierConnector;
}

const sync = (listings: () => SourceProduct[]) => runCatalogSync(database.db, null, { platform: '1688', mode: 'full', startedBy: 'test', pageSize: 4, chunkSize: 8, connector: connectorOf(listings), translator: offlineProvider });

beforeAll(async () => {
  database = await createSyncDatabase('ferry_test_sync_import');
});
afterAll(async () => database?.drop());

describe('the catalog import as the sync uses it', () => {
  it("uses the upstream's English title (provider 1688, still machine), and a staff edit keeps winning", async () => {
    const listing = { ...demo(0), subjectTrans: 'Upstream English Title' };
    const first = await importProducts(database.db, [listing], options);
    expect(first).toMatchObject({ created: 1, reindexed: 1 });
    const en = and(eq(productTranslations.productId, first.productIds[0]!), eq(productTranslations.locale, 'en'));
    expect((await database.db.select().from(productTranslations).where(en))[0]).toMatchObject({ title: 'Upstream English Title', provider: '1688', source: 'machine' });
    const [product] = await database.db.select({ slug: products.slug }).from(products).where(eq(products.id, first.productIds[0]!));
    expect(product!.slug).toMatch(/^upstream-english-title-\d+$/);
    const held = await database.db.select({ specId: skus.sourceSpecId }).from(skus).where(eq(skus.productId, first.productIds[0]!));
    expect(held.map((s) => s.specId).sort()).toEqual(listing.skus.map((s) => s.specId).sort());

    await database.db.update(productTranslations).set({ title: 'Staff Title', source: 'staff' }).where(en);
    const again = await importProducts(database.db, [{ ...listing, subjectTrans: 'Newer Upstream Title' }], options);
    expect(again).toMatchObject({ updated: 1, reindexed: 1 });
    expect((await database.db.select().from(productTranslations).where(en))[0]).toMatchObject({ title: 'Staff Title', source: 'staff' });
    // Same content again: the fast path, nothing re-indexed.
    expect(await importProducts(database.db, [{ ...listing, subjectTrans: 'Newer Upstream Title' }], options)).toMatchObject({ unchanged: 1, updated: 0, reindexed: 0 });
  });

  it('records a listing that cannot be imported in sync_failures and imports the rest of its chunk', async () => {
    const listings = [demo(1), demo(2), { ...demo(3), categorySlug: 'no-such-category' }, demo(4), demo(5)];
    const summary = await sync(() => listings);
    expect(summary).toMatchObject({ status: 'completed', seen: 5, failed: 1 });
    const failures = await database.db.select().from(syncFailures).where(eq(syncFailures.runId, summary.runId));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ sourceId: listings[2]!.sourceId, platform: '1688' });
    expect(failures[0]!.error).toMatch(/Unknown category slug no-such-category/);
    for (const l of [listings[0]!, listings[1]!, listings[3]!, listings[4]!]) {
      expect(await database.db.select({ id: products.id }).from(products).where(eq(products.sourceId, l.sourceId))).toHaveLength(1);
    }
  });

  it('takes the later copy of a listing the walk handed over twice', async () => {
    const first = demo(6);
    const later = { ...first, skus: first.skus.map((s) => ({ ...s, stock: s.stock + 1000 })) };
    const result = await importProducts(database.db, [first, demo(7), later], options);
    expect(result.productIds).toHaveLength(3);
    expect(result.productIds[0]).toBe(result.productIds[2]);
    expect(result.created).toBe(2);
    const held = await database.db.select({ sourceSkuId: skus.sourceSkuId, stock: skus.stock }).from(skus).where(eq(skus.productId, result.productIds[0]!));
    expect(Object.fromEntries(held.map((s) => [s.sourceSkuId, s.stock]))).toEqual(Object.fromEntries(later.skus.map((s) => [s.sourceSkuId, s.stock])));
  });

  it('retires products a complete full sync did not see, and marks a listing taken down as inactive', async () => {
    const catalog = [demo(0), demo(1), demo(2), demo(4), demo(5)].map((l) => ({ ...l, subjectTrans: null }));
    expect((await sync(() => catalog)).status).toBe('completed');
    const active = async (sourceId: string) => (await database.db.select({ isActive: products.isActive }).from(products).where(eq(products.sourceId, sourceId)))[0]!.isActive;
    expect(await active(demo(5).sourceId)).toBe(1);

    // demo(5) vanished upstream; demo(4) is listed but off sale.
    const next = [catalog[0]!, catalog[1]!, catalog[2]!, { ...catalog[3]!, isOnSale: false } as SourceProduct];
    const summary = await sync(() => next);
    expect(summary).toMatchObject({ status: 'completed', retired: 1 });
    expect(await active(demo(5).sourceId)).toBe(0);
    expect(await active(demo(4).sourceId)).toBe(0);
    expect(await active(demo(0).sourceId)).toBe(1);

    // Back on sale and listed again: active again.
    expect((await sync(() => catalog)).status).toBe('completed');
    expect(await active(demo(5).sourceId)).toBe(1);
    expect(await active(demo(4).sourceId)).toBe(1);
  });
});
