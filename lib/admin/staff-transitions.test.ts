import { describe, expect, it } from 'vitest';
import { staffTransitions, transitionKey } from './staff-transitions';

const targets = (...args: Parameters<typeof staffTransitions>) => staffTransitions(...args).map((t) => t.to);

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
    expect(targets('arrived', 'warehouse')).toEqual(['packed']);
    expect(targets('pending', 'service')).toEqual(['cancelled']);
    expect(targets('pending', 'customer')).toEqual([]);
  });

  it('offers nothing from a terminal status', () => {
    for (const status of ['completed', 'cancelled', 'refunded'] as const) expect(targets(status, 'admin')).toEqual([]);
  });

  it('names buttons after the event', () => {
    expect(staffTransitions('purchasing', 'admin').map(transitionKey)).toEqual(['purchased', 'purchase_failed', 'refunded']);
  });
});
