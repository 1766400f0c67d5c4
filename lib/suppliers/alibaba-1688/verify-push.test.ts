import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPush } from './verify-push';

const secret = 'ferry-demo-1688-secret';
const sign = (message: string, key = secret) => createHmac('sha1', key).update(`message${message}`, 'utf8').digest('hex').toUpperCase();
const deliver = (message: string, key = secret) => ({ message, _aop_signature: sign(message, key) });

const stockMessage =
  '{"msgId":5746327830,"gmtBorn":1760000000000,"type":"PRODUCT_PRODUCT_INVENTORY_CHANGE","bizKey":"612345678901","userInfo":"b2b-22098765431f3a2",' +
  '"data":{"OfferInventoryChangeList":[{"offerId":612345678901,"offerOnSale":120,"skuId":4000000000001,"skuOnSale":20,"quantity":-3,"bizTime":"2025-10-09 16:53:20"}]}}';
const orderMessage =
  '{"msgId":5746327831,"gmtBorn":1760000000000,"type":"ORDER_BUYER_VIEW_ORDER_PAY","bizKey":"176000000000012345","userInfo":"b2b-22098765431f3a2",' +
  '"data":{"orderId":176000000000012345,"currentStatus":"waitsellersend","buyerMemberId":"b2b-22098765431f3a2","sellerMemberId":"b2b-2200000001abcde","msgSendTime":"2025-10-09 16:53:20"}}';

describe('verifyPush', () => {
  it('reads a signed stock message', () => {
    expect(verifyPush(deliver(stockMessage), secret)).toEqual({
      kind: 'stock',
      msgId: '5746327830',
      bornAt: new Date(1_760_000_000_000),
      rawType: 'PRODUCT_PRODUCT_INVENTORY_CHANGE',
      changes: [{ offerId: '612345678901', sourceSkuId: '4000000000001', stock: 20, delta: -3, isOnSale: true, changedAt: new Date(Date.UTC(2025, 9, 9, 8, 53, 20)) }],
    });
  });

  it('reads a signed order message and keeps the 18-digit order id exact', () => {
    expect(verifyPush(deliver(orderMessage), secret)).toMatchObject({ kind: 'order', upstreamOrderId: '176000000000012345', rawStatus: 'waitsellersend', status: 'awaiting_shipment' });
  });

  it('reads a tracking number change with the orders its parcel carries', () => {
    const message =
      '{"msgId":5746327832,"gmtBorn":1760000000000,"type":"LOGISTICS_MAIL_NO_CHANGE","bizKey":"176000000000012345","userInfo":"b2b-22098765431f3a2",' +
      '"data":{"MailNoChangeModel":{"logisticsId":"BX123","oldCpCode":"YTO","newCpCode":"YTO","oldMailNo":"YT1","newMailNo":"YT2","eventTime":"2025-10-09 16:53:20",' +
      '"orderLogsItems":[{"orderId":176000000000012345,"orderEntryId":176000000000012346},{"orderId":176000000000012345,"orderEntryId":176000000000012347}]}}}';
    expect(verifyPush(deliver(message), secret)).toEqual({
      kind: 'tracking',
      msgId: '5746327832',
      bornAt: new Date(1_760_000_000_000),
      rawType: 'LOGISTICS_MAIL_NO_CHANGE',
      upstreamOrderIds: ['176000000000012345'],
      oldTrackingNumber: 'YT1',
      newTrackingNumber: 'YT2',
    });
    const noOrder = '{"msgId":3,"gmtBorn":1760000000000,"type":"LOGISTICS_MAIL_NO_CHANGE","data":{"MailNoChangeModel":{"oldMailNo":"YT1","newMailNo":"YT2"}}}';
    expect(verifyPush(deliver(noOrder), secret)).toBeNull();
  });

  it('keeps other message types as "other"', () => {
    const message = '{"msgId":1,"gmtBorn":1760000000000,"type":"PRODUCT_RELATION_VIEW_PRODUCT_EXPIRE","data":{"productIds":"612345678901"}}';
    expect(verifyPush(deliver(message), secret)).toEqual({ kind: 'other', msgId: '1', bornAt: new Date(1_760_000_000_000), rawType: 'PRODUCT_RELATION_VIEW_PRODUCT_EXPIRE' });
    const batch = '{"msgId":2,"gmtBorn":1760000000000,"type":"ORDER_BATCH_PAY","data":{"batchPay":[]}}';
    expect(verifyPush(deliver(batch), secret)).toMatchObject({ kind: 'other', rawType: 'ORDER_BATCH_PAY' });
  });

  it('rejects a forged signature', () => {
    expect(verifyPush(deliver(stockMessage, 'not-the-secret'), secret)).toBeNull();
    expect(verifyPush({ message: stockMessage, _aop_signature: 'A'.repeat(40) }, secret)).toBeNull();
    expect(verifyPush({ message: stockMessage }, secret)).toBeNull();
  });

  it('rejects a message changed after signing', () => {
    const tampered = { message: stockMessage.replace('"skuOnSale":20', '"skuOnSale":9999'), _aop_signature: sign(stockMessage) };
    expect(verifyPush(tampered, secret)).toBeNull();
  });

  it('rejects signed but malformed messages', () => {
    expect(verifyPush(deliver('{"msgId":1,'), secret)).toBeNull();
    expect(verifyPush(deliver('{"type":"ORDER_BUYER_VIEW_ORDER_PAY","gmtBorn":1,"data":{}}'), secret)).toBeNull();
    expect(verifyPush(deliver('{"msgId":1,"gmtBorn":1760000000000,"type":"PRODUCT_PRODUCT_INVENTORY_CHANGE","data":{"OfferInventoryChangeList":[]}}'), secret)).toBeNull();
    expect(verifyPush(deliver('{"msgId":1,"gmtBorn":1760000000000,"type":"ORDER_BUYER_VIEW_ORDER_PAY","data":{"currentStatus":"waitsellersend"}}'), secret)).toBeNull();
    expect(verifyPush(deliver('{"msgId":1,"gmtBorn":"yesterday","type":"X","data":{}}'), secret)).toBeNull();
  });
});
