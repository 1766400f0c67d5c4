import { describe, expect, it } from 'vitest';
import { businessError, businessFailure, gatewayError, gatewayFailure, isTokenFailure } from './errors';

describe('gateway errors', () => {
  const map = (status: number, error_code: string) => gatewayError(gatewayFailure(status, { error_code, error_message: 'x' }));

  it('maps 1688 codes to what Ferry can act on', () => {
    expect(map(429, 'gw.QosAppFrequencyLimit').code).toBe('rate_limited');
    expect(map(400, 'gw.QosAppFrequencyLimit').code).toBe('rate_limited');
    expect(map(503, 'gw.ServiceUnavailable').code).toBe('unavailable');
    expect(map(403, 'gw.APIACLDecline').code).toBe('refused');
    expect(map(400, 'gw.SignatureInvalid').code).toBe('auth');
    expect(map(401, 'gw.AccessTokenExpired').code).toBe('auth');
    expect(map(400, 'gw.ParamInvalid').code).toBe('invalid');
    expect(map(400, 'gw.SignatureInvalid').vendorCode).toBe('gw.SignatureInvalid');
  });

  it('recognises token failures worth a refresh, and only those', () => {
    expect(isTokenFailure(gatewayFailure(401, { error_code: 'gw.AccessTokenExpired' }))).toBe(true);
    expect(isTokenFailure(gatewayFailure(401, { error_code: '401' }))).toBe(true);
    expect(isTokenFailure(gatewayFailure(400, { error_code: 'gw.SignatureInvalid' }))).toBe(false);
  });

  it('copes with a body that is not 1688 JSON', () => {
    expect(gatewayFailure(502, 'Bad Gateway')).toEqual({ status: 502, code: '502', message: 'HTTP 502' });
  });
});

describe('business failures', () => {
  it('finds them in each API’s own shape', () => {
    expect(businessFailure({ success: false, errorCode: '500_004', errorMsg: '库存不足', orderPreviewResuslt: [] })).toEqual({ code: '500_004', message: '库存不足' });
    expect(businessFailure({ success: false, code: '500_002', message: '不属于同一个卖家' })).toEqual({ code: '500_002', message: '不属于同一个卖家' });
    expect(businessFailure({ result: { success: false, code: 'ORDER_STATUS_ERROR', message: 'no' } })).toMatchObject({ code: 'ORDER_STATUS_ERROR' });
    expect(businessFailure({ success: 'false', errorCode: 'ORDER_NOT_EXIST', errorMessage: '订单不存在' })).toMatchObject({ code: 'ORDER_NOT_EXIST' });
    expect(businessFailure({ errorCode: 'order.nopermission.buyer', errorMessage: 'no' })).toMatchObject({ code: 'order.nopermission.buyer' });
  });

  it('does not see failures in successful answers', () => {
    expect(businessFailure({ success: true, productInfo: {} })).toBeNull();
    expect(businessFailure({ success: 'true', result: {} })).toBeNull();
    expect(businessFailure({ result: { success: 'true', result: [] } })).toBeNull();
    expect(businessFailure({ result: [], totalRecord: 0 })).toBeNull();
  });

  it('maps not-found, parameter and rule failures', () => {
    expect(businessError({ code: '404', message: '商品[1]不存在' }).code).toBe('not_found');
    expect(businessError({ code: 'ORDER_NOT_EXIST', message: '' }).code).toBe('not_found');
    expect(businessError({ code: '400_3', message: '' }).code).toBe('invalid');
    expect(businessError({ code: '500_004', message: '' })).toMatchObject({ code: 'refused', vendorCode: '500_004' });
  });
});
