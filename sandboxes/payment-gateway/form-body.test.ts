import { describe, expect, it } from 'vitest';
import { FormBodyError, parseFormBody } from './form-body';

describe('parseFormBody', () => {
  it('nests Stripe bracket notation and decodes values', () => {
    const body = 'amount=1999&currency=cny&metadata[order_number]=FR-2024-0001&metadata[note]=a+b%26c&description=%E8%AE%A2%E5%8D%95';
    expect(parseFormBody(body)).toEqual({
      amount: '1999',
      currency: 'cny',
      metadata: { order_number: 'FR-2024-0001', note: 'a b&c' },
      description: '订单',
    });
  });

  it('accepts percent-encoded brackets, as some clients send them', () => {
    expect(parseFormBody('metadata%5Border_number%5D=FR-1')).toEqual({ metadata: { order_number: 'FR-1' } });
  });

  it('keeps digit keys as object keys and appends `[]` to lists', () => {
    expect(parseFormBody('expand[0]=latest_charge&metadata[7]=x&tags[]=a&tags[]=b')).toEqual({
      expand: { 0: 'latest_charge' },
      metadata: { 7: 'x' },
      tags: ['a', 'b'],
    });
  });

  it('parses deeper nesting', () => {
    expect(parseFormBody('shipping[address][city]=Shenzhen&shipping[name]=Li')).toEqual({ shipping: { address: { city: 'Shenzhen' }, name: 'Li' } });
  });

  it('refuses a key that is both a value and an object', () => {
    expect(() => parseFormBody('metadata=x&metadata[a]=b')).toThrow(FormBodyError);
    expect(() => parseFormBody('metadata[a]=b&metadata=x')).toThrow(FormBodyError);
  });

  it('refuses __proto__ instead of polluting prototypes', () => {
    expect(() => parseFormBody('__proto__[polluted]=1')).toThrow(FormBodyError);
    expect(() => parseFormBody('metadata[__proto__][x]=1')).toThrow(FormBodyError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats names like toString as plain keys', () => {
    expect(parseFormBody('metadata[toString]=x&constructor=y')).toEqual({ metadata: { toString: 'x' }, constructor: 'y' });
  });

  it('refuses malformed names', () => {
    expect(() => parseFormBody('metadata[a=b')).toThrow(FormBodyError);
  });
});
