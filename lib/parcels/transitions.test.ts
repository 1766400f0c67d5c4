import { describe, expect, it } from 'vitest';
import { parcelStatuses } from '@/db/schema/parcels';
import { findTransitionIn, nextStatusesIn, tableProblems } from '@/lib/state-machine/table';
import { parcelTransitions } from './transitions';

describe('parcel transitions', () => {
  it('is a valid table over the parcel statuses', () => {
    expect(tableProblems(parcelTransitions, parcelStatuses)).toEqual([]);
  });

  it('cancels only an unpaid parcel: before its rehearsal or while its price awaits payment', () => {
    const toCancelled = parcelTransitions.filter((t) => t.to === 'cancelled').map((t) => t.from);
    expect(toCancelled.sort()).toEqual(['awaiting_payment', 'awaiting_rehearsal']);
  });

  it('reaches dispatch from packing directly or through a top-up; a paid parcel goes on by packing or, rehearsed, straight to dispatch', () => {
    expect(nextStatusesIn(parcelTransitions, 'packed').sort()).toEqual(['awaiting_topup', 'ready_to_dispatch']);
    expect(nextStatusesIn(parcelTransitions, 'paid').sort()).toEqual(['packed', 'ready_to_dispatch']);
    expect(findTransitionIn(parcelTransitions, 'paid', 'packed')?.permission).toBe('parcels:pack');
  });

  it('packs a rehearsal before payment, by the warehouse only, and it can then only be paid or cancelled', () => {
    expect(nextStatusesIn(parcelTransitions, 'awaiting_rehearsal').sort()).toEqual(['awaiting_payment', 'cancelled']);
    expect(findTransitionIn(parcelTransitions, 'awaiting_rehearsal', 'awaiting_payment')?.permission).toBe('parcels:pack');
    expect(findTransitionIn(parcelTransitions, 'awaiting_rehearsal', 'paid')).toBeUndefined();
  });
});
