import { describe, expect, it } from 'vitest';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { contentHash } from './content-hash';
import { planImport, stockChangedSkuIds } from './plan-import';
import type { Shadow } from './read-shadow';

const listedAt = new Date('2026-11-01T00:00:00Z');
const now = new Date('2026-11-21T00:00:00Z');
const listing: SourceProduct = {
  platform: '1688',
  sourceId: '600000000001',
  sourceUrl: 'https://detail.1688.com/offer/600000000001.html',
  title: '纯棉T恤',
  description: null,
  attributes: [],
  categorySlug: 'tops',
  seller: { sourceId: 's1', name: '店', location: null, rating: null },
  images: [],
  skus: [
    { sourceSkuId: 'a', attributes: [], priceMinor: 1000, stock: 5, imageIndex: null },
    { sourceSkuId: 'b', attributes: [], priceMinor: 1200, stock: 0, imageIndex: null },
  ],
  weightGrams: 100,
  domesticShippingMinor: 0,
  salesCount: 3,
  sourceUpdatedAt: listedAt,
};

/** The shadow as the previous import of `listing` left it. */
function shadowOf(p: SourceProduct, overrides: { hash?: string | null; goods?: unknown; sku?: Partial<Record<string, { stock?: number; priceMinor?: number; stockSourceAt?: Date | null }>>; extraSku?: boolean } = {}): Shadow {
  const skus = new Map(
    p.skus.map((s, i) => [s.sourceSkuId, { id: 10 + i, productId: 1, sourceSkuId: s.sourceSkuId, priceMinor: s.priceMinor, stock: s.stock, stockSourceAt: listedAt as Date | null, ...overrides.sku?.[s.sourceSkuId] }]),
  );
  if (overrides.extraSku) skus.set('gone', { id: 99, productId: 1, sourceSkuId: 'gone', priceMinor: 1, stock: 1, stockSourceAt: null });
  const product = { id: 1, sourceId: p.sourceId, contentHash: overrides.hash === undefined ? contentHash(p) : overrides.hash, priceMinMinor: 1000, priceMaxMinor: 1200, stockTotal: 5, salesCount: 3, isActive: 1, sourceUpdatedAt: listedAt, goodsDetected: overrides.goods === undefined ? '[]' : overrides.goods };
  return { products: new Map([[p.sourceId, product]]), skus: new Map([[1, skus]]) };
}

describe('planImport', () => {
  it('sends a new listing down the full path with every SKU written', () => {
    const [plan] = planImport([listing], { products: new Map(), skus: new Map() }, now);
    expect(plan).toMatchObject({ path: 'content', changed: true, existing: null, priceMinMinor: 1000, priceMaxMinor: 1200, stockTotal: 5, isActive: 1 });
    expect(plan!.skus.every((s) => s.write)).toBe(true);
  });

  it('writes nothing but the sync time for a listing equal to its shadow', () => {
    const [plan] = planImport([listing], shadowOf(listing), now);
    expect(plan).toMatchObject({ path: 'prices', changed: false, staleSkuIds: [] });
    expect(plan!.skus.some((s) => s.write)).toBe(false);
  });

  it('takes the fast path for new prices and stock, writing only the SKUs that moved', () => {
    const moved = { ...listing, sourceUpdatedAt: new Date('2026-11-02T00:00:00Z'), skus: [{ ...listing.skus[0]!, priceMinor: 900 }, listing.skus[1]!] };
    const [plan] = planImport([moved], shadowOf(listing), now);
    expect(plan).toMatchObject({ path: 'prices', changed: true, priceMinMinor: 900 });
    // Both are written: a newer listing moves stock_source_at forward even where the numbers agree.
    expect(plan!.skus.map((s) => s.write)).toEqual([true, true]);
    expect(stockChangedSkuIds([plan!])).toEqual([]);
  });

  it('keeps stock a newer push set, and reports stock changes for the Redis counters', () => {
    const moved = { ...listing, skus: [{ ...listing.skus[0]!, stock: 50 }, { ...listing.skus[1]!, stock: 7 }] };
    const pushedLater = new Date('2026-11-05T00:00:00Z');
    const [plan] = planImport([moved], shadowOf(listing, { sku: { a: { stock: 3, stockSourceAt: pushedLater } } }), now);
    expect(plan!.skus.map((s) => s.stock)).toEqual([3, 7]);
    expect(plan!.stockTotal).toBe(10);
    expect(stockChangedSkuIds([plan!])).toEqual([11]);
  });

  it('re-imports a listing whose content changed, dropping SKUs it no longer has', () => {
    const [plan] = planImport([{ ...listing, title: '纯棉T恤 新款' }], shadowOf(listing, { extraSku: true }), now);
    expect(plan).toMatchObject({ path: 'content', changed: true, staleSkuIds: [99] });
    const [legacy] = planImport([listing], shadowOf(listing, { hash: null }), now);
    expect(legacy!.path).toBe('content');
  });

  it('classifies the listing’s goods, and rewrites them on the fast path when the classifier now reads them otherwise', () => {
    const powerBank = { ...listing, title: '迷你充电宝', skus: [{ ...listing.skus[0]!, attributes: [{ name: '容量', value: '100ml' }] }] };
    const [fresh] = planImport([powerBank], { products: new Map(), skus: new Map() }, now);
    expect(fresh!.goods).toEqual(['battery', 'liquid']);
    // Same content, never classified (a product from before goods existed): the fast path writes them.
    const [unclassified] = planImport([listing], shadowOf(listing, { goods: null }), now);
    expect(unclassified).toMatchObject({ path: 'prices', changed: true, goods: [] });
    const [same] = planImport([listing], shadowOf(listing, { goods: [] }), now);
    expect(same!.changed).toBe(false);
  });

  it('marks a listing the connector says is off sale as inactive', () => {
    const [plan] = planImport([{ ...listing, isOnSale: false } as SourceProduct], shadowOf(listing), now);
    expect(plan).toMatchObject({ path: 'prices', isActive: 0, changed: true });
  });
});
