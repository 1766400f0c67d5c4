import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { products, skus } from '@/db/schema/catalog';

export type ShadowProduct = {
  id: number;
  sourceId: string;
  contentHash: string | null;
  priceMinMinor: number;
  priceMaxMinor: number;
  stockTotal: number;
  salesCount: number;
  isActive: number;
  sourceUpdatedAt: Date | null;
  goodsDetected: unknown;
};
export type ShadowSku = { id: number; productId: number; sourceSkuId: string; priceMinor: number; stock: number; stockSourceAt: Date | null };

/** What the catalog holds now for a batch: products by source id, their SKUs by product and source SKU id. */
export type Shadow = { products: Map<string, ShadowProduct>; skus: Map<number, Map<string, ShadowSku>> };

/** Two queries per batch, whatever its size: the import decides everything else in memory. */
export async function readShadow(db: Database, platform: string, sourceIds: string[]): Promise<Shadow> {
  const productRows = await db
    .select({
      id: products.id,
      sourceId: products.sourceId,
      contentHash: products.contentHash,
      priceMinMinor: products.priceMinMinor,
      priceMaxMinor: products.priceMaxMinor,
      stockTotal: products.stockTotal,
      salesCount: products.salesCount,
      isActive: products.isActive,
      sourceUpdatedAt: products.sourceUpdatedAt,
      goodsDetected: products.goodsDetected,
    })
    .from(products)
    .where(and(eq(products.platform, platform), inArray(products.sourceId, sourceIds)));
  const skuRows =
    productRows.length === 0
      ? []
      : await db
          .select({ id: skus.id, productId: skus.productId, sourceSkuId: skus.sourceSkuId, priceMinor: skus.priceMinor, stock: skus.stock, stockSourceAt: skus.stockSourceAt })
          .from(skus)
          .where(inArray(skus.productId, productRows.map((p) => p.id)));
  const bySku = new Map<number, Map<string, ShadowSku>>();
  for (const row of skuRows) {
    let forProduct = bySku.get(row.productId);
    if (!forProduct) bySku.set(row.productId, (forProduct = new Map()));
    forProduct.set(row.sourceSkuId, row);
  }
  return { products: new Map(productRows.map((p) => [p.sourceId, p])), skus: bySku };
}
