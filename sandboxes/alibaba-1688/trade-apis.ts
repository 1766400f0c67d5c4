import { isFailure, resolveCargo } from './cargo';
import type { CatalogWorld } from './catalog-world';
import { gatewayErrors } from './gateway-error';
import { jsonParam } from './http-io';
import { toTradeInfo } from './order-views';
import { OrderStateError, type OrderBook, type OrderStatus } from './orders';
import type { ApiHandler } from './product-apis';
import { fenToYuan } from './product-info';
import { parse1688Time } from './time-format';

/**
 * The buying side, each API answering business failures in its own documented shape (1688 is
 * not consistent: `errorCode/errorMsg`, `code/message`, nested `result.success`, or a string
 * "false").
 */
const MAX_LIST_PAGE = 50;

export function tradeApis(world: CatalogWorld, orders: OrderBook): Record<string, ApiHandler> {
  const address = (params: Readonly<Record<string, string>>): Record<string, string> => {
    const value = jsonParam(params, 'addressParam');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw gatewayErrors.param('addressParam must be a JSON object');
    const a = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v ?? '')]));
    for (const key of ['fullName', 'mobile', 'provinceText', 'cityText', 'address']) if (!a[key]) throw gatewayErrors.param(`addressParam.${key} is required`);
    return a;
  };

  return {
    'com.alibaba.trade/alibaba.createOrder.preview': (params) => {
      address(params);
      const cargo = resolveCargo(world, jsonParam(params, 'cargoParamList'));
      if (isFailure(cargo)) return { success: false, errorCode: cargo.failure.code, errorMsg: cargo.failure.message, orderPreviewResuslt: [] };
      const cargoList = cargo.lines.map(({ live, sku, quantity }) => ({
        amount: fenToYuan(sku.priceFen * quantity),
        finalUnitPrice: fenToYuan(sku.priceFen),
        specId: sku.specId,
        skuId: Number(sku.skuId),
        offerId: Number(live.offer.offerId),
        resultCode: '200',
        cargoPromotionList: [],
      }));
      const preview = {
        discountFee: 0, tradeModeNameList: ['assureTrade'], status: true, taoSampleSinglePromotion: true,
        // 1688 gives these three in fen while the cargo lines above are in yuan.
        sumPayment: cargo.goodsFen + cargo.freightFen, sumCarriage: cargo.freightFen, sumPaymentNoCarriage: cargo.goodsFen,
        flowFlag: params.flow || 'general', cargoList, shopPromotionList: [],
        tradeModelList: [{ tradeType: 'assureTrade', name: '担保交易', description: '买家付款后卖家发货，买家确认收货后打款给卖家', opSupport: true }],
      };
      return { success: true, orderPreviewResuslt: [preview] };
    },

    'com.alibaba.trade/alibaba.trade.createCrossOrder': (params) => {
      const shipTo = address(params);
      const cargo = resolveCargo(world, jsonParam(params, 'cargoParamList'));
      if (isFailure(cargo)) return { success: false, code: cargo.failure.code, message: cargo.failure.message };
      const order = orders.create(cargo, { outOrderId: params.outOrderId || null, message: params.message || null, flow: params.flow || 'general', address: shipTo });
      return { success: true, result: { success: true, orderId: order.id, totalSuccessAmount: order.totalFen, postFee: order.freightFen } };
    },

    'com.alibaba.trade/alibaba.trade.pay.protocolPay.preparePay': (params) => {
      // 1688 order ids are 18-digit longs, sent as bare JSON numbers: JSON.parse would round them,
      // so the id is read from the text.
      const text = params.tradeWithholdPreparePayParam;
      const orderId = text ? (/"orderId"\s*:\s*"?(\d+)"?/.exec(text)?.[1] ?? '') : (params.orderId ?? '');
      if (!orders.get(orderId)) return { result: { success: false, code: 'ORDER_NOT_EXIST', message: `订单[${orderId}]不存在` } };
      try {
        orders.advance(orderId, 'pay');
      } catch (error) {
        if (error instanceof OrderStateError) return { result: { success: false, code: 'ORDER_STATUS_ERROR', message: '订单状态不是等待买家付款，无法发起免密支付' } };
        throw error;
      }
      return { result: { success: true, code: null, message: null, result: { payChannel: 'alipay', paySuccess: true } } };
    },

    'com.alibaba.trade/alibaba.trade.get.buyerView': (params) => {
      if (params.webSite !== '1688') throw gatewayErrors.param('webSite must be 1688');
      const order = orders.get(params.orderId ?? '');
      if (!order) return { success: 'false', errorCode: 'ORDER_NOT_EXIST', errorMessage: '订单不存在' };
      return { success: 'true', result: toTradeInfo(order) };
    },

    // The buyer cancels before the seller ships (waitbuyerpay, waitsellersend); afterwards a return
    // goes through the refund APIs and the seller's consent. Answers as 1688 does: success, or
    // success false with errorCode/errorMessage.
    'com.alibaba.trade/alibaba.trade.cancel': (params) => {
      if (params.webSite !== '1688') throw gatewayErrors.param('webSite must be 1688');
      if (!params.tradeID) throw gatewayErrors.param('tradeID is required');
      if (!['buyerCancel', 'sellerGoodsLack', 'other'].includes(params.cancelReason ?? '')) throw gatewayErrors.param('cancelReason must be buyerCancel, sellerGoodsLack or other');
      if (!orders.get(params.tradeID)) return { success: false, errorCode: 'ORDER_NOT_EXIST', errorMessage: '订单不存在' };
      try {
        orders.advance(params.tradeID, 'cancel');
      } catch (error) {
        if (error instanceof OrderStateError) return { success: false, errorCode: 'ORDER_STATUS_NOT_SUPPORT_CANCEL', errorMessage: '当前订单状态不支持取消' };
        throw error;
      }
      return { success: true };
    },

    'com.alibaba.trade/alibaba.trade.getBuyerOrderList': (params) => {
      const window = (name: string) => {
        const text = params[name];
        if (!text) return null;
        const ms = parse1688Time(text);
        if (ms === null) throw gatewayErrors.param(`${name} must be yyyyMMddHHmmssSSS+0800`);
        return ms;
      };
      const start = window('modifyStartTime');
      const end = window('modifyEndTime');
      const page = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
      const pageSize = Math.min(MAX_LIST_PAGE, Math.max(1, Number.parseInt(params.pageSize ?? '20', 10) || 20));
      const status = params.orderStatus as OrderStatus | undefined;
      const matching = orders
        .all()
        .filter((o) => (start === null || o.modifiedAt >= start) && (end === null || o.modifiedAt <= end))
        .filter((o) => (!params.outOrderId || o.outOrderId === params.outOrderId) && (!status || o.status === status))
        // Newest first, like 1688's own list.
        .sort((x, y) => y.createdAt - x.createdAt || (x.id < y.id ? 1 : -1));
      return { result: matching.slice((page - 1) * pageSize, page * pageSize).map(toTradeInfo), totalRecord: matching.length };
    },
  };
}
