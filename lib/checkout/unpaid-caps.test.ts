import { describe, expect, it } from 'vitest';
import { appErrorStatus } from '@/lib/errors';
import { defaultSettings } from '@/lib/settings/definitions';
import { checkUnpaidCaps, unpaidCapsFor } from './unpaid-caps';

const caps = { maxOrders: 5, maxUnits: 50 };

describe('unpaid order caps', () => {
  it('lets an order through up to and including the caps', () => {
    expect(checkUnpaidCaps({ orders: 0, units: 0 }, 50, caps)).toBeNull();
    expect(checkUnpaidCaps({ orders: 4, units: 40 }, 10, caps)).toBeNull();
  });

  it('refuses the sixth open unpaid order whatever its size', () => {
    const refusal = checkUnpaidCaps({ orders: 5, units: 5 }, 1, caps);
    expect(refusal?.code).toBe('too_many_unpaid_orders');
    expect(refusal?.details).toEqual({ open: 5, limit: 5 });
  });

  it('refuses an order that would take the held units past the cap', () => {
    const refusal = checkUnpaidCaps({ orders: 2, units: 45 }, 6, caps);
    expect(refusal?.code).toBe('too_many_held_units');
    expect(refusal?.details).toEqual({ held: 45, adding: 6, limit: 50 });
    // One order bigger than the cap on its own is refused too.
    expect(checkUnpaidCaps({ orders: 0, units: 0 }, 51, caps)?.code).toBe('too_many_held_units');
  });

  it('answers partners 409 (the state of their orders, not their request rate)', () => {
    expect(appErrorStatus.too_many_unpaid_orders).toBe(409);
    expect(appErrorStatus.too_many_held_units).toBe(409);
  });

  it('takes shoppers\' and partners\' caps from their own settings', () => {
    const settings = { ...defaultSettings, 'checkout.maxUnpaidOrdersPerAccount': 3, 'checkout.maxHeldUnitsPerPartner': 900 };
    expect(unpaidCapsFor(settings, { type: 'user', userId: 1, email: 'a@example.com' })).toEqual({ maxOrders: 3, maxUnits: 50 });
    expect(unpaidCapsFor(settings, { type: 'partner', partnerKeyId: 'pk_1' })).toEqual({ maxOrders: 100, maxUnits: 900 });
  });
});
