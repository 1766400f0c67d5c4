import type { SandboxOrder } from './orders';
import { fenToYuan } from './product-info';
import { format1688Time } from './time-format';
import { sandboxBuyer } from './tokens';

/**
 * An order as 1688's buyer-view `TradeInfo` (`alibaba.trade.get.buyerView`,
 * `alibaba.trade.getBuyerOrderList`): amounts in yuan, times as `yyyyMMddHHmmssSSS+0800`, the
 * order id both as an unquoted 18-digit Long (`id`) and as a string (`idOfStr`), as 1688 does.
 */
const time = (ms: number | null) => (ms === null ? undefined : format1688Time(ms));

export function toTradeInfo(order: SandboxOrder): Record<string, unknown> {
  const a = order.address;
  return {
    baseInfo: {
      id: BigInt(order.id),
      idOfStr: order.id,
      status: order.status,
      totalAmount: fenToYuan(order.totalFen),
      sumProductPayment: fenToYuan(order.goodsFen),
      shippingFee: fenToYuan(order.freightFen),
      discount: 0,
      refund: 0,
      businessType: 'cb',
      tradeType: '50060',
      tradeTypeCode: 'assureTrade',
      flowTemplateCode: order.flow,
      overSeaOrder: false,
      buyerID: sandboxBuyer.memberId,
      buyerLoginId: sandboxBuyer.loginId,
      buyerUserId: Number(sandboxBuyer.aliId),
      sellerID: order.seller.memberId,
      sellerLoginId: order.seller.loginId,
      sellerUserId: Number(order.seller.userId),
      sellerContact: { companyName: order.seller.name, shopName: order.seller.name },
      outOrderId: order.outOrderId ?? undefined,
      buyerFeedback: order.message ?? undefined,
      createTime: time(order.createdAt),
      modifyTime: time(order.modifiedAt),
      payTime: time(order.paidAt),
      allDeliveredTime: time(order.shippedAt),
      receivingTime: time(order.receivedAt),
      completeTime: time(order.completedAt ?? order.closedAt),
      closeReason: order.status === 'cancel' ? 'buyerCancel' : undefined,
      closeOperateType: order.status === 'cancel' ? 'CLOSE_TRADE_BY_BUYER' : undefined,
      receiverInfo: { toFullName: a.fullName, toMobile: a.mobile, toPhone: a.phone ?? a.mobile, toPost: a.postCode, toArea: [a.provinceText, a.cityText, a.areaText, a.address].filter(Boolean).join(' ') },
    },
    productItems: order.lines.map((line, k) => ({
      productID: Number(line.offerId),
      skuID: Number(line.skuId),
      specId: line.specId,
      name: line.subject,
      price: fenToYuan(line.unitPriceFen),
      quantity: line.quantity,
      itemAmount: fenToYuan(line.amountFen),
      unit: line.unit,
      productImgUrl: line.imageUrl ? [line.imageUrl] : [],
      skuInfos: line.skuAttributes.map((s) => ({ name: s.name, value: s.value })),
      subItemIDString: `${order.id}${String(k).padStart(2, '0')}`,
      status: order.status,
      logisticsStatus: order.shippedAt === null ? 1 : order.receivedAt === null ? 2 : 3,
    })),
    nativeLogistics: {
      contactPerson: a.fullName,
      mobile: a.mobile,
      province: a.provinceText,
      city: a.cityText,
      area: a.areaText,
      address: a.address,
      zip: a.postCode,
      // One item per waybill, as 1688's NativeLogisticsItemsInfo: the courier by name, code (logisticsCompanyNo)
      // and id, the waybill number, when it was sent, and the sub-order ids it carries.
      logisticsItems: order.packages.map((p) => ({
        id: p.id,
        logisticsCode: `BX${p.id}`,
        type: '0',
        status: 'alreadysend',
        deliveredTime: time(p.shippedAt),
        gmtCreate: time(p.shippedAt),
        gmtModified: time(p.shippedAt),
        logisticsCompanyId: p.companyId,
        logisticsCompanyNo: p.companyNo,
        logisticsCompanyName: p.companyName,
        logisticsBillNo: p.billNo,
        subItemIds: p.lineIndexes.map((k) => `${order.id}${String(k).padStart(2, '0')}`).join(','),
        fromProvince: order.seller.province,
      })),
    },
    tradeTerms: [{ payStatus: order.paidAt === null ? '1' : '2', payWay: '1', payWayDesc: '支付宝', phasAmount: fenToYuan(order.totalFen), payTime: time(order.paidAt) }],
  };
}

/** What `GET /__sandbox/orders` shows: the order in plain terms, for tests and people. */
export function toSandboxView(order: SandboxOrder): Record<string, unknown> {
  const { seller, ...rest } = order;
  return { ...rest, sellerMemberId: seller.memberId, sellerName: seller.name };
}
