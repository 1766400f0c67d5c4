import type { CatalogIndex } from './catalog-index';
import { decodeCursor, encodeCursor } from './catalog-cursor';
import type { CatalogWorld } from './catalog-world';
import { gatewayErrors } from './gateway-error';
import { jsonParam } from './http-io';
import { fenToYuan, toProductInfo } from './product-info';
import { parse1688Time } from './time-format';

/**
 * The product side of the open platform:
 * - `com.alibaba.product/alibaba.cross.productInfo` — one offer in detail;
 * - `com.alibaba.product/alibaba.cross.productList` — up to 20 offers at once (`productIdList`),
 *   answered lean (status, SKU prices and stock, seller): the cheap stock/price check;
 * - `com.alibaba.fenxiao.crossborder/product.search.keywordQuery` — keyword search, paged;
 * - `com.alibaba.fenxiao.crossborder/pool.product.pull` — the catalog walk (see `poolPull`).
 */
export type ApiHandler = (params: Readonly<Record<string, string>>) => unknown;

const MAX_LIST_IDS = 20;
const MAX_PAGE = 100;

export function productApis(world: CatalogWorld, index: CatalogIndex): Record<string, ApiHandler> {
  const find = (id: unknown) => (typeof id === 'number' || typeof id === 'string' ? world.indexOf(String(id)) : null);

  return {
    'com.alibaba.product/alibaba.cross.productInfo': (params) => {
      const productId = params.productId ?? '';
      const i = find(productId);
      // 1688 answers an unknown id with success=false and the id in the message, not a 404.
      if (i === null) return { success: false, code: '404', message: `商品[${productId}]不存在` };
      return { success: true, productInfo: toProductInfo(world.live(i)) };
    },

    'com.alibaba.product/alibaba.cross.productList': (params) => {
      const ids = jsonParam(params, 'productIdList');
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_LIST_IDS) throw gatewayErrors.param(`productIdList must list 1–${MAX_LIST_IDS} product ids`);
      const missing: string[] = [];
      const productList = ids.flatMap((id: unknown) => {
        const i = find(id);
        if (i === null) missing.push(`${String(id)}:商品不存在`);
        return i === null ? [] : [toProductInfo(world.live(i), 'lean')];
      });
      return { success: true, productList, ...(missing.length > 0 ? { message: missing.join(';') } : {}) };
    },

    'com.alibaba.fenxiao.crossborder/product.search.keywordQuery': async (params) => {
      const q = object(jsonParam(params, 'offerQueryParam'), 'offerQueryParam');
      const keyword = typeof q.keyword === 'string' ? q.keyword.trim() : '';
      const page = positiveInt(q.beginPage, 1);
      const pageSize = Math.min(50, positiveInt(q.pageSize, 20));
      const terms = keyword.split(/\s+/).filter(Boolean);
      const { indexes, total } = terms.length === 0 ? { indexes: [], total: 0 } : await index.search(terms, (page - 1) * pageSize, pageSize);
      const data = indexes.map((i) => {
        const { offer, modifiedAt } = world.live(i);
        return {
          offerId: Number(offer.offerId),
          subject: offer.subject,
          imageUrl: offer.images[0] ?? '',
          priceInfo: { price: fenToYuan(Math.min(...offer.skus.map((s) => s.priceFen))).toFixed(2) },
          monthSold: Math.round(offer.soldCount / 12),
          topCategoryId: Number(offer.categoryId),
          modifyDate: new Date(modifiedAt).toISOString().slice(0, 19).replace('T', ' '),
          minOrderQuantity: 1,
        };
      });
      const result = { totalRecords: total, totalPage: Math.ceil(total / pageSize), pageSize, currentPage: page, data };
      return { result: { success: true, code: '200', message: '成功', result } };
    },

    'com.alibaba.fenxiao.crossborder/pool.product.pull': async (params) => poolPull(world, index, object(jsonParam(params, 'offerPoolQueryParam'), 'offerPoolQueryParam')),
  };
}

/**
 * The catalog walk, modelled on 1688's product-pool pull (`pool.product.pull`: the pool of
 * offers an agent distributes, pulled page by page under one task id). The sandbox's pool is the
 * whole catalog and each row carries the full ProductInfo, so a sync needs no detail call per
 * offer. Extensions to the real parameter model: `cursor` (opaque, from the previous page's
 * `nextCursor`) instead of `pageNo`, and `modifyStartTime` (`yyyyMMddHHmmssSSS+0800`) to pull only
 * offers modified at or after it, in modification order.
 */
async function poolPull(world: CatalogWorld, index: CatalogIndex, q: Record<string, unknown>): Promise<unknown> {
  const pageSize = Math.min(MAX_PAGE, positiveInt(q.pageSize, 50));
  const cursor = typeof q.cursor === 'string' && q.cursor !== '' ? decodeCursor(q.cursor) : null;
  if (typeof q.cursor === 'string' && q.cursor !== '' && !cursor) throw gatewayErrors.param('cursor is not one this API issued');
  const since = typeof q.modifyStartTime === 'string' && q.modifyStartTime !== '' ? parse1688Time(q.modifyStartTime) : null;
  if (q.modifyStartTime !== undefined && q.modifyStartTime !== '' && since === null) throw gatewayErrors.param('modifyStartTime must be yyyyMMddHHmmssSSS+0800');
  if (cursor && (cursor.kind === 'full') !== (since === null)) throw gatewayErrors.param('cursor belongs to a different walk');

  const page =
    since === null
      ? index.fullPage(cursor?.kind === 'full' ? cursor.afterId : null, pageSize)
      : await index.changedPage(since, cursor?.kind === 'changed' ? { time: cursor.afterTime, id: cursor.afterId } : null, pageSize);
  const rows = page.indexes.map((i) => {
    const live = world.live(i);
    return { offerId: Number(live.offer.offerId), bizCategoryId: live.offer.categoryId, offerPoolTotal: page.total, productInfo: toProductInfo(live) };
  });
  return { result: { success: 'true', code: 'S0000', message: '成功', result: rows, total: page.total, nextCursor: page.next ? encodeCursor(page.next) : null } };
}

function object(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw gatewayErrors.param(`${name} must be a JSON object`);
  return value as Record<string, unknown>;
}

function positiveInt(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw gatewayErrors.param(`expected a positive integer, got ${String(value)}`);
  return n;
}

