import { z } from 'zod';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { isSupplierError, SupplierError, type CatalogPage, type CatalogPageRequest } from '../types';
import type { Alibaba1688Client } from './client';
import { reshapeProduct } from './reshape-product';
import { format1688Time } from './time';

/**
 * The catalog walk over 1688's product-pool pull (`com.alibaba.fenxiao.crossborder:pool.product.pull`),
 * each row carrying the full ProductInfo. Ferry's cursor wraps 1688's page cursor together with
 * the newest modification time seen so far, so the last page's `watermark` covers the whole walk.
 */
const MAX_PAGE_SIZE = 100;
/** The agent's distribution pool; the sandbox's pool 1 is its whole catalog. */
const OFFER_POOL_ID = 1;

const answerSchema = z.object({
  result: z.object({
    result: z.array(z.object({ offerId: z.union([z.string(), z.number()]).optional(), productInfo: z.unknown() })).default([]),
    total: z.coerce.number().int().min(0),
    nextCursor: z.string().min(1).nullish(),
  }),
});

type FerryCursor = { c: string; w: number | null };

function encodeCursor(cursor: FerryCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): FerryCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<FerryCursor>;
    if (typeof value.c === 'string' && (value.w === null || typeof value.w === 'number')) return { c: value.c, w: value.w };
  } catch {
    // reported below
  }
  throw new SupplierError('invalid', 'catalog cursor was not issued by the 1688 connector');
}

export async function listCatalog(client: Alibaba1688Client, request: CatalogPageRequest): Promise<CatalogPage> {
  const previous = request.cursor ? decodeCursor(request.cursor) : null;
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize)));
  const since = request.modifiedSince;
  const body = await client.call('com.alibaba.fenxiao.crossborder', 'pool.product.pull', {
    offerPoolQueryParam: {
      offerPoolId: OFFER_POOL_ID,
      taskId: since ? `ferry-changes-${since.getTime()}` : 'ferry-full',
      pageSize,
      ...(previous ? { cursor: previous.c } : {}),
      ...(since ? { modifyStartTime: format1688Time(since) } : {}),
    },
  });
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) throw new SupplierError('invalid', `1688 pool.product.pull answer does not fit: ${parsed.error.issues[0]?.message ?? ''}`);

  const products: SourceProduct[] = [];
  // One unreadable listing must not stall the sync of all the others behind it.
  const rejected: CatalogPage['rejected'] = [];
  for (const row of parsed.data.result.result) {
    try {
      products.push(reshapeProduct(row.productInfo));
    } catch (error) {
      if (!isSupplierError(error) || error.code !== 'invalid') throw error;
      rejected.push({ sourceId: String(row.offerId ?? (row.productInfo as { productID?: unknown } | null)?.productID ?? 'unknown'), error: error.message });
    }
  }
  // Never behind the walk's start, so an empty incremental walk still hands back a usable watermark.
  let watermark = previous ? previous.w : (since?.getTime() ?? null);
  for (const product of products) {
    const at = product.sourceUpdatedAt?.getTime();
    if (at !== undefined && (watermark === null || at > watermark)) watermark = at;
  }
  const next = parsed.data.result.nextCursor;
  return {
    products,
    cursor: next ? encodeCursor({ c: next, w: watermark }) : null,
    total: parsed.data.result.total,
    watermark: watermark === null ? null : new Date(watermark),
    rejected,
  };
}
