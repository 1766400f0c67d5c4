import { describe, expect, it } from 'vitest';
import { reshapeOrder } from './orders';

const baseInfo = { idOfStr: '184467440737095516', status: 'waitbuyerreceive', totalAmount: 12.5, sellerID: 'b2b-2207', modifyTime: '20261207100000000+0800', allDeliveredTime: '20261205093000000+0800' };

describe('1688 order logistics', () => {
  it('reads each waybill of nativeLogistics as a parcel: courier name and code, number, time sent', () => {
    const { order } = reshapeOrder({
      baseInfo,
      nativeLogistics: {
        logisticsItems: [
          { logisticsBillNo: 'YT7512345678', logisticsCompanyName: '圆通速递', logisticsCompanyNo: 'yto', deliveredTime: '20261205093000000+0800', status: 'alreadysend' },
          { logisticsBillNo: ' 7731 2345 6789 ', logisticsCompanyName: '中通快递', logisticsCompanyNo: 'ZTO', deliveredTime: '20261206080000000+0800' },
        ],
      },
    });
    expect(order.status).toBe('shipped');
    expect(order.shipments).toEqual([
      { trackingNumber: 'YT7512345678', carrierName: '圆通速递', carrierCode: 'YTO', shippedAt: new Date('2026-12-05T01:30:00.000Z') },
      { trackingNumber: '773123456789', carrierName: '中通快递', carrierCode: 'ZTO', shippedAt: new Date('2026-12-06T00:00:00.000Z') },
    ]);
    expect(order.trackingNumbers).toEqual(['YT7512345678', '773123456789']);
  });

  it('lists a repeated number once, skips waybills without one, and falls back to the order’s shipping time', () => {
    const { order } = reshapeOrder({
      baseInfo,
      nativeLogistics: { logisticsItems: [{ logisticsBillNo: 'SF100' }, { logisticsBillNo: 'SF100', logisticsCompanyName: '顺丰速运' }, { logisticsBillNo: null }, { logisticsBillNo: '  ' }] },
    });
    expect(order.shipments).toEqual([{ trackingNumber: 'SF100', carrierName: null, carrierCode: null, shippedAt: new Date('2026-12-05T01:30:00.000Z') }]);
  });

  it('has no parcels before the seller ships, with or without a nativeLogistics block', () => {
    expect(reshapeOrder({ baseInfo: { ...baseInfo, status: 'waitsellersend', allDeliveredTime: undefined } }).order.shipments).toEqual([]);
    expect(reshapeOrder({ baseInfo, nativeLogistics: { logisticsItems: [] } }).order.shipments).toEqual([]);
    expect(reshapeOrder({ baseInfo, nativeLogistics: {} }).order.shipments).toEqual([]);
  });
});
