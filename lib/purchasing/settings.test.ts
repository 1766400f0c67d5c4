import { describe, expect, it } from 'vitest';
import { newPurchaseReference, purchaseReferencePattern } from './reference';
import { purchasingSettings } from './settings';

describe('purchasing settings', () => {
  it('buys automatically unless PURCHASING_AUTO=0', () => {
    expect(purchasingSettings({})).toEqual({ isAuto: true, groupsPerTick: 20 });
    expect(purchasingSettings({ PURCHASING_AUTO: '' }).isAuto).toBe(true);
    expect(purchasingSettings({ PURCHASING_AUTO: '0', PURCHASING_GROUPS_PER_TICK: '5' })).toEqual({ isAuto: false, groupsPerTick: 5 });
  });

  it('refuses values it does not understand, naming them', () => {
    expect(() => purchasingSettings({ PURCHASING_AUTO: 'yes' })).toThrow(/PURCHASING_AUTO/);
    expect(() => purchasingSettings({ PURCHASING_GROUPS_PER_TICK: '0' })).toThrow(/PURCHASING_GROUPS_PER_TICK/);
  });
});

describe('purchase order references', () => {
  it('are dated, readable and unique enough to send upstream as the outside id', () => {
    const reference = newPurchaseReference(new Date('2026-11-21T10:00:00Z'));
    expect(reference).toMatch(/^PO261121-/);
    expect(reference).toMatch(purchaseReferencePattern);
    expect(reference.length).toBeLessThanOrEqual(32);
    expect(new Set(Array.from({ length: 1000 }, () => newPurchaseReference())).size).toBe(1000);
  });
});
