import { describe, expect, it } from 'vitest';
import { mapOrderStatus } from './order-status';

describe('mapOrderStatus', () => {
  it('maps every 1688 buyer-view state Ferry acts on', () => {
    expect(mapOrderStatus('waitbuyerpay')).toBe('awaiting_payment');
    expect(mapOrderStatus('waitsellersend')).toBe('awaiting_shipment');
    expect(mapOrderStatus('waitbuyerreceive')).toBe('shipped');
    expect(mapOrderStatus('confirm_goods')).toBe('received');
    expect(mapOrderStatus('success')).toBe('completed');
    expect(mapOrderStatus('cancel')).toBe('cancelled');
    expect(mapOrderStatus('terminated')).toBe('cancelled');
  });

  it('knows nothing else, inherited object keys included', () => {
    expect(mapOrderStatus('waitselleract')).toBeNull();
    expect(mapOrderStatus('toString')).toBeNull();
    expect(mapOrderStatus('')).toBeNull();
  });
});
