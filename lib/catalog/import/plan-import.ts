import { readGoods, type ShippingGood } from '@/lib/shipping/goods';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { classifyGoods } from '../goods/classify-goods';
import { contentHash } from './content-hash';
import type { Shadow, ShadowProduct, ShadowSku } from './read-shadow';

type SourceSku = SourceProduct['skus'][number];

export type PlannedSku = {
  source: SourceSku;
  /** The stock the shadow will hold: the listing's, unless a newer push set it (stock_source_at). */
  stock: number;
  /** Whether the row must be written at all (always on the content path). */
  write: boolean;
  previous: ShadowSku | null;
};

export type PlannedProduct = {
  product: SourceProduct;
  hash: string;
  existing: ShadowProduct | null;
  /** `content`: new, or texts/images/SKU matrix changed → translate, index, images. `prices`: only numbers. */
  path: 'content' | 'prices';
  /** The upstream time of this listing's numbers; stock older than a SKU's stock_source_at is stale. */
  listedAt: Date;
  skus: PlannedSku[];
  /** SKUs of an existing product that the listing no longer has. */
  staleSkuIds: number[];
  priceMinMinor: number;
  priceMaxMinor: number;
  stockTotal: number;
  /** 0 when the connector says the listing was taken down (`isOnSale: false`), else 1. */
  isActive: 0 | 1;
  /** The goods the listing reads as (classifyGoods); written on both paths, so a better classifier reaches every product. */
  goods: ShippingGood[];
  /** Anything stored differs (always true for new products). */
  changed: boolean;
};

const time = (d: Date | null) => (d ? d.getTime() : null);

/**
 * Decides, per listing, which path it takes and which rows must be written, from what the shadow
 * holds: nothing is written for a listing equal to its shadow but its sync time.
 */
export function planImport(batch: SourceProduct[], shadow: Shadow, now: Date): PlannedProduct[] {
  return batch.map((product) => {
    const existing = shadow.products.get(product.sourceId) ?? null;
    const hash = contentHash(product);
    const path = existing && existing.contentHash === hash ? 'prices' : 'content';
    const listedAt = product.sourceUpdatedAt ?? now;
    const previousSkus = existing ? (shadow.skus.get(existing.id) ?? new Map<string, ShadowSku>()) : new Map<string, ShadowSku>();

    const skus = product.skus.map((source): PlannedSku => {
      const previous = previousSkus.get(source.sourceSkuId) ?? null;
      const isStale = previous?.stockSourceAt != null && previous.stockSourceAt.getTime() > listedAt.getTime();
      const stock = isStale ? previous!.stock : source.stock;
      // A listing newer than the held stock time moves stock_source_at forward even when the numbers agree.
      const isBehind = !isStale && (previous?.stockSourceAt == null || previous.stockSourceAt.getTime() < listedAt.getTime());
      const differs = !previous || previous.priceMinor !== source.priceMinor || previous.stock !== stock;
      return { source, stock, previous, write: path === 'content' || differs || isBehind };
    });
    const listed = new Set(product.skus.map((s) => s.sourceSkuId));
    const staleSkuIds = [...previousSkus.values()].filter((s) => !listed.has(s.sourceSkuId)).map((s) => s.id);

    const prices = product.skus.map((s) => s.priceMinor);
    const priceMinMinor = Math.min(...prices);
    const priceMaxMinor = Math.max(...prices);
    const stockTotal = skus.reduce((n, s) => n + s.stock, 0);
    const isActive = product.isOnSale === false ? 0 : 1;
    const goods = listingGoods(product);
    const changed =
      !existing ||
      path === 'content' ||
      staleSkuIds.length > 0 ||
      skus.some((s) => !s.previous || s.previous.priceMinor !== s.source.priceMinor || s.previous.stock !== s.stock) ||
      existing.priceMinMinor !== priceMinMinor ||
      existing.priceMaxMinor !== priceMaxMinor ||
      existing.stockTotal !== stockTotal ||
      existing.salesCount !== product.salesCount ||
      existing.isActive !== isActive ||
      time(existing.sourceUpdatedAt) !== time(product.sourceUpdatedAt) ||
      readGoods(existing.goodsDetected)?.join() !== goods.join();
    return { product, hash, existing, path, listedAt, skus, staleSkuIds, priceMinMinor, priceMaxMinor, stockTotal, isActive, goods, changed };
  });
}

/** The classifier over what the listing says of itself: titles, category, and the offer's and its SKUs' specs. */
export function listingGoods(product: SourceProduct): ShippingGood[] {
  return classifyGoods({
    title: product.title,
    titleEn: product.subjectTrans,
    categorySlug: product.categorySlug,
    attributes: [...product.attributes, ...product.skus.flatMap((s) => s.attributes)],
  });
}

/** SKU ids whose stock the import changes: their Redis counters must reload. */
export function stockChangedSkuIds(plan: PlannedProduct[]): number[] {
  return plan.flatMap((p) => p.skus.filter((s) => s.previous && s.previous.stock !== s.stock).map((s) => s.previous!.id));
}
