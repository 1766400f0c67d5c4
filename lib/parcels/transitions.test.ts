import { describe, expect, it } from 'vitest';
import { parcelStatuses } from '@/db/schema/parcels';
import { findTransitionIn, nextStatusesIn, tableProblems } from '@/lib/state-machine/table';
import { parcelTransitions } from './transitions';

describe('parcel transitions', () => {
  it('is a valid table over the parcel statuses', () => {
    expect(tableProblems(parcelTransitions, parcelStatuses)).toEqual([]);
  });

  it('cancels only an unpaid parcel', () => {
    const toCancelled = parcelTransitions.filter((t) => t.to === 'cancelled').map((t) => t.from);
    expect(toCancelled).toEqual(['awaiting_payment']);
  });

  it('reaches dispatch from packing directly or through a top-up, never skipping packing', () => {
    expect(nextStatusesIn(parcelTransitions, 'packed').sort()).toEqual(['awaiting_topup', 'ready_to_dispatch']);
    expect(nextStatusesIn(parcelTransitions, 'paid')).toEqual(['packed']);
    expect(findTransitionIn(parcelTransitions, 'paid', 'ready_to_dispatch')).toBeUndefined();
    expect(findTransitionIn(parcelTransitions, 'paid', 'packed')?.permission).toBe('parcels:pack');
  });
});
