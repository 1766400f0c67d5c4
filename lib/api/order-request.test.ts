import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseCreateOrderRequest } from './order-request';

const shippingAddress = {
  name: 'Jane Doe',
  line1: '1 Market Street',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
  phone: '+1 415 555 0132',
};
const valid = { items: [{ skuId: 12, quantity: 2 }, { skuId: '13', quantity: 1 }], currency: 'USD', shippingAddress, externalRef: ' PO-1 ' };

function fieldsOf(body: unknown): string[] {
  try {
    parseCreateOrderRequest(body);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    return ((error as AppError).details!.fields as { field: string }[]).map((f) => f.field);
  }
  throw new Error('expected a validation error');
}

describe('parseCreateOrderRequest', () => {
  it('accepts numeric-string SKU ids and normalises the address', () => {
    const parsed = parseCreateOrderRequest(valid);
    expect(parsed.items).toEqual([
      { skuId: 12, quantity: 2 },
      { skuId: 13, quantity: 1 },
    ]);
    expect(parsed.currency).toBe('USD');
    expect(parsed.externalRef).toBe('PO-1');
    expect(parsed.shippingAddress.phone).toBe('+14155550132');
    expect(parseCreateOrderRequest({ ...valid, externalRef: undefined }).externalRef).toBeNull();
  });

  it.each([
    [{ ...valid, items: [] }, 'items'],
    [{ ...valid, items: Array.from({ length: 101 }, (_, i) => ({ skuId: i + 1, quantity: 1 })) }, 'items'],
    [{ ...valid, items: [{ skuId: 0, quantity: 1 }] }, 'items.0.skuId'],
    [{ ...valid, items: [{ skuId: '1.5', quantity: 1 }] }, 'items.0.skuId'],
    [{ ...valid, items: [{ skuId: 1, quantity: 0 }] }, 'items.0.quantity'],
    [{ ...valid, items: [{ skuId: 1, quantity: 1000 }] }, 'items.0.quantity'],
    [{ ...valid, items: [{ skuId: 1, quantity: '2' }] }, 'items.0.quantity'],
    [{ ...valid, items: [{ skuId: 5, quantity: 1 }, { skuId: '5', quantity: 1 }] }, 'items.1.skuId'],
    [{ ...valid, currency: 'XXX' }, 'currency'],
    [{ ...valid, currency: 'usd' }, 'currency'],
    [{ ...valid, shippingAddress: { ...shippingAddress, postalCode: '1234' } }, 'shippingAddress.postalCode'],
    [{ ...valid, shippingAddress: undefined }, 'shippingAddress'],
    [{ ...valid, externalRef: 'x'.repeat(101) }, 'externalRef'],
    [null, '(body)'],
  ])('rejects %j at %s', (body, field) => {
    expect(fieldsOf(body)).toContain(field);
  });

  it('explains address issues in English', () => {
    expect(() => parseCreateOrderRequest({ ...valid, shippingAddress: { ...shippingAddress, postalCode: '1234' } })).toThrow(
      /shippingAddress\.postalCode: .*postal code/i,
    );
  });
});
