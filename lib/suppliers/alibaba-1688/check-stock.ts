import { z } from 'zod';
import { SupplierError, type ProductQuote } from '../types';
import type { Alibaba1688Client } from './client';
import { DecimalError } from './decimal';
import { chunk, longArrayJson } from './offer-ids';
import { leanProductInfoSchema, type WireLeanProductInfo } from './product-schema';
import { reshapeSkus } from './reshape-product';

/**
 * Current price and stock of many offers through `alibaba.cross.productList` (20 ids per call,
 * a lean answer): cheap enough for checkout. An offer 1688 no longer knows is reported off sale
 * with no SKUs, which is what it means for a buyer.
 */
export const PRODUCT_LIST_BATCH = 20;

const answerSchema = z.object({ productList: z.array(leanProductInfoSchema).default([]) });

export async function fetchLeanProducts(client: Alibaba1688Client, sourceIds: readonly string[]): Promise<Map<string, WireLeanProductInfo>> {
  const found = new Map<string, WireLeanProductInfo>();
  for (const ids of chunk([...new Set(sourceIds)], PRODUCT_LIST_BATCH)) {
    const body = await client.call('com.alibaba.product', 'alibaba.cross.productList', { productIdList: longArrayJson(ids) });
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) throw new SupplierError('invalid', `1688 productList answer does not fit: ${parsed.error.issues[0]?.message ?? ''}`);
    for (const info of parsed.data.productList) found.set(info.productID, info);
  }
  return found;
}

export async function checkStock(client: Alibaba1688Client, sourceIds: readonly string[]): Promise<ProductQuote[]> {
  const unique = [...new Set(sourceIds)];
  if (unique.length === 0) return [];
  const found = await fetchLeanProducts(client, unique);
  return unique.map((sourceId) => {
    const info = found.get(sourceId);
    if (!info) return { sourceId, isOnSale: false, skus: [] };
    const isOnSale = info.status === 'published';
    try {
      const skus = reshapeSkus(info, []).map((sku) => ({ sourceSkuId: sku.sourceSkuId, priceMinor: sku.priceMinor, stock: isOnSale ? sku.stock : 0, isOnSale }));
      return { sourceId, isOnSale, skus };
    } catch (error) {
      if (error instanceof DecimalError) throw new SupplierError('invalid', `1688 offer ${sourceId}: ${error.message}`);
      throw error;
    }
  });
}
