import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSameSignature, signApiCall, signPush } from './sign';

describe('signApiCall', () => {
  it('matches the vector 1688 publishes for its signature', () => {
    expect(signApiCall('param2/1/system/currentTime/1000000', { b: '2', a: '1' }, 'test123')).toBe('33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88');
  });

  it('leaves _aop_signature out and sorts by code unit, not locale', () => {
    const params = { access_token: 't', B: '1', a: '2', _aop_timestamp: '1700000000000', _aop_signature: 'ignored' };
    const expected = createHmac('sha1', 's').update('param2/1/x/y/1B1_aop_timestamp1700000000000a2access_tokent').digest('hex').toUpperCase();
    expect(signApiCall('param2/1/x/y/1', params, 's')).toBe(expected);
  });
});

describe('signPush', () => {
  it('signs "message" + the JSON text', () => {
    const message = JSON.stringify({ msgId: 1, type: 'ORDER_BUYER_VIEW_ORDER_PAY', data: { note: '付款' } });
    const expected = createHmac('sha1', 'secret').update(`message${message}`, 'utf8').digest('hex').toUpperCase();
    expect(signPush(message, 'secret')).toBe(expected);
  });
});

describe('isSameSignature', () => {
  it('ignores case and rejects any other value', () => {
    expect(isSameSignature('ABC123', 'abc123')).toBe(true);
    expect(isSameSignature('ABC123', 'ABC124')).toBe(false);
    expect(isSameSignature('ABC123', 'ABC12')).toBe(false);
  });
});
