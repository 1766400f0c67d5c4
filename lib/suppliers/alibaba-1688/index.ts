import 'server-only';
import type { SourceProduct } from '@/lib/suppliers/source-product';
import { SupplierError, type SupplierConnector } from '../types';
import { cancelOrder } from './cancel-order';
import { checkStock } from './check-stock';
import { Alibaba1688Client } from './client';
import type { Alibaba1688Keys } from './keys';
import { listCatalog } from './list-catalog';
import { checkOfferId } from './offer-ids';
import { getOrder, listOrdersModified } from './orders';
import { placePurchase, previewPurchase } from './purchase';
import { reshapeProduct } from './reshape-product';
import { search } from './search';
import { verifyPush } from './verify-push';

/**
 * Ferry's 1688 connector: the real open-platform protocol (signed calls, OAuth refresh, 1688's
 * payload shapes and errors) against whatever `ALIBABA_1688_BASE_URL` names — the real gateway
 * or the local sandbox, with nothing else differing.
 */
export { alibaba1688Keys, cdnUrlFor, type Alibaba1688Keys } from './keys';

export function createAlibaba1688Connector(keys: Alibaba1688Keys): SupplierConnector {
  const client = new Alibaba1688Client(keys);

  return {
    platform: '1688',

    async fetchProduct(sourceId: string): Promise<SourceProduct> {
      const body = (await client.call('com.alibaba.product', 'alibaba.cross.productInfo', { productId: checkOfferId(sourceId) })) as { productInfo?: unknown };
      if (body.productInfo === undefined) throw new SupplierError('not_found', `1688 returned no productInfo for ${sourceId}`);
      return reshapeProduct(body.productInfo);
    },

    checkStock: (sourceIds) => checkStock(client, sourceIds),
    search: (query, page, pageSize) => search(client, query, page, pageSize),
    listCatalog: (request) => listCatalog(client, request),
    previewPurchase: (request) => previewPurchase(client, request),
    placePurchase: (request) => placePurchase(client, request),
    getOrder: (upstreamOrderId) => getOrder(client, upstreamOrderId),
    listOrdersModified: (from, to) => listOrdersModified(client, from, to),
    cancelOrder: (upstreamOrderId, remark) => cancelOrder(client, upstreamOrderId, remark),
    verifyPush: (delivery) => verifyPush(delivery, keys.appSecret),
  };
}
