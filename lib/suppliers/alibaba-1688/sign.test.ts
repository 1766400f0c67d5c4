import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSameSignature, isValidPushSignature, signApiCall, signPush } from './sign';

describe('signApiCall', () => {
  it('matches the vector 1688 publishes', () => {
    expect(signApiCall('param2/1/system/currentTime/1000000', { b: '2', a: '1' }, 'test123')).toBe('33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88');
  });

  it('ignores a stale _aop_signature among the parameters', () => {
    const params = { b: '2', a: '1' };
    expect(signApiCall('param2/1/system/currentTime/1000000', { ...params, _aop_signature: 'X' }, 'test123')).toBe(signApiCall('param2/1/system/currentTime/1000000', params, 'test123'));
  });
});

describe('push signatures', () => {
  // Computed independently of sign.ts, straight from the documented rule.
  const message = '{"msgId":5746327830,"type":"PRODUCT_PRODUCT_INVENTORY_CHANGE","data":{"note":"库存"}}';
  const secret = 'ferry-demo-1688-secret';
  const vector = createHmac('sha1', secret).update(`message${message}`, 'utf8').digest('hex').toUpperCase();

  it('signs "message" + the JSON text', () => {
    expect(signPush(message, secret)).toBe(vector);
  });

  it('accepts the right signature in either case and nothing else', () => {
    expect(isValidPushSignature(message, vector, secret)).toBe(true);
    expect(isValidPushSignature(message, vector.toLowerCase(), secret)).toBe(true);
    expect(isValidPushSignature(message.replace('库存', '库'), vector, secret)).toBe(false);
    expect(isValidPushSignature(message, vector, 'another-secret')).toBe(false);
    expect(isValidPushSignature(message, '', secret)).toBe(false);
  });
});

describe('signature details the gateway relies on', () => {
  it('sorts parameters by code unit, not locale', () => {
    const params = { access_token: 't', B: '1', a: '2', _aop_timestamp: '1700000000000', _aop_signature: 'ignored' };
    const expected = createHmac('sha1', 's').update('param2/1/x/y/1B1_aop_timestamp1700000000000a2access_tokent').digest('hex').toUpperCase();
    expect(signApiCall('param2/1/x/y/1', params, 's')).toBe(expected);
  });

  it('compares signatures ignoring case and rejects any other value', () => {
    expect(isSameSignature('ABC123', 'abc123')).toBe(true);
    expect(isSameSignature('ABC123', 'ABC124')).toBe(false);
    expect(isSameSignature('ABC123', 'ABC12')).toBe(false);
  });
});
