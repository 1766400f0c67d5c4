import { describe, expect, it } from 'vitest';
import { factForMove } from './status-facts';

describe('the fact a status move tells', () => {
  it('tells in_transit on leaving the first statuses only', () => {
    expect(factForMove('NotFound', 'InTransit', false)).toBe('shipment.in_transit');
    expect(factForMove('InfoReceived', 'InTransit', false)).toBe('shipment.in_transit');
    expect(factForMove('Exception', 'InTransit', false)).toBeNull();
    expect(factForMove('InTransit', 'InTransit', false)).toBeNull();
  });

  it('tells exception for an exception or a failed delivery', () => {
    expect(factForMove('InTransit', 'Exception', false)).toBe('shipment.exception');
    expect(factForMove('OutForDelivery', 'DeliveryFailure', false)).toBe('shipment.exception');
    expect(factForMove('Exception', 'Exception', false)).toBeNull();
  });

  it('tells delivered once: not again for a shipment already delivered', () => {
    expect(factForMove('OutForDelivery', 'Delivered', false)).toBe('shipment.delivered');
    expect(factForMove('InTransit', 'Delivered', false)).toBe('shipment.delivered');
    expect(factForMove('Exception', 'Delivered', true)).toBeNull();
    expect(factForMove('Delivered', 'Delivered', true)).toBeNull();
  });

  it('tells nothing for other moves', () => {
    expect(factForMove('InTransit', 'OutForDelivery', false)).toBeNull();
    expect(factForMove('InTransit', 'AvailableForPickup', false)).toBeNull();
  });
});
