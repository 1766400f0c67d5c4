import { describe, expect, it } from 'vitest';
import { staffTransitions, transitionKey } from './staff-transitions';

const targets = (status: Parameters<typeof staffTransitions>[0], role: Parameters<typeof staffTransitions>[1], gateway = 'sandbox') =>
  staffTransitions(status, role, gateway).map((t) => t.to);

describe('staffTransitions', () => {
  it('never offers the system-only pending → paid', () => {
    expect(targets('pending', 'admin')).toEqual(['cancelled']);
  });

  it('offers only what the role is allowed to do', () => {
    expect(targets('paid', 'purchaser')).toEqual(['purchasing']);
    expect(targets('paid', 'finance')).toEqual(['refunded']);
    expect(targets('paid', 'warehouse')).toEqual([]);
    expect(targets('paid', 'admin')).toEqual(['purchasing', 'refunded']);
    expect(targets('purchasing', 'purchaser')).toEqual(['purchased', 'paid']);
    // Arrival, packing and dispatch follow the items (lib/warehouse): no button moves them.
    expect(targets('purchased', 'warehouse')).toEqual([]);
    expect(targets('purchased', 'admin')).toEqual(['refunded']);
    expect(targets('arrived', 'warehouse')).toEqual([]);
    expect(targets('packed', 'admin')).toEqual([]);
    expect(targets('shipped', 'admin')).toEqual([]);
    expect(targets('pending', 'service')).toEqual(['cancelled']);
    expect(targets('pending', 'customer')).toEqual([]);
  });

  it('offers confirmation only on cash-on-delivery orders, and their own way back from a failed purchase', () => {
    expect(targets('pending', 'service', 'cod')).toEqual(['cancelled', 'confirmed']);
    expect(targets('pending', 'purchaser', 'cod')).toEqual([]);
    expect(targets('confirmed', 'admin', 'cod')).toEqual(['purchasing', 'cancelled']);
    expect(targets('purchasing', 'purchaser', 'cod')).toEqual(['purchased', 'confirmed']);
  });

  it('offers nothing from a terminal status', () => {
    for (const status of ['completed', 'cancelled', 'refunded'] as const) expect(targets(status, 'admin')).toEqual([]);
  });

  it('names buttons after the event', () => {
    expect(staffTransitions('purchasing', 'admin', 'sandbox').map(transitionKey)).toEqual(['purchased', 'purchase_failed', 'refunded']);
    expect(staffTransitions('pending', 'admin', 'cod').map(transitionKey)).toEqual(['cancelled', 'cod_confirmed']);
  });
});
