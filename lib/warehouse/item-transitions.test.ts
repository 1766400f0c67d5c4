import { describe, expect, it } from 'vitest';
import { fulfilmentStatuses, purchaseStatuses } from '@/db/schema/orders';
import { findTransitionIn, nextStatusesIn, tableProblems } from '@/lib/state-machine/table';
import { contractFulfilmentStatus } from './fulfilment-status';
import { arrivedStatuses, itemTransitions } from './item-transitions';

describe("an item's fulfilment table", () => {
  it('names only statuses the column has, each pair once', () => {
    expect(tableProblems(itemTransitions, fulfilmentStatuses)).toEqual([]);
  });

  it('receives only from upstream, by warehouse staff, and nothing returns to upstream', () => {
    expect(findTransitionIn(itemTransitions, 'upstream', 'in_warehouse')).toMatchObject({ event: 'item.received', permission: 'orders:warehouse' });
    expect(nextStatusesIn(itemTransitions, 'upstream')).toEqual(['in_warehouse']);
    expect(itemTransitions.some((t) => t.to === 'upstream')).toBe(false);
  });

  it("leaves the shopper's decisions and parcels to no staff button", () => {
    for (const to of ['accepted', 'return_requested'] as const) expect(findTransitionIn(itemTransitions, 'in_warehouse', to)?.permission).toBeNull();
    expect(findTransitionIn(itemTransitions, 'in_parcel', 'shipped')?.permission).toBeNull();
    expect(nextStatusesIn(itemTransitions, 'delivered')).toEqual([]);
    expect(nextStatusesIn(itemTransitions, 'refunded')).toEqual([]);
  });

  it('gives returns to customer service: the seller’s answer and the returned item’s refund', () => {
    expect(findTransitionIn(itemTransitions, 'return_requested', 'returned')).toMatchObject({ event: 'item.returned', permission: 'orders:returns' });
    expect(findTransitionIn(itemTransitions, 'return_requested', 'in_warehouse')).toMatchObject({ event: 'item.return_refused', permission: 'orders:returns' });
    expect(findTransitionIn(itemTransitions, 'returned', 'refunded')?.permission).toBe('orders:returns');
  });

  it('counts an item as arrived from the warehouse on, but not once it went back to the seller or was refunded', () => {
    expect(arrivedStatuses).not.toContain('upstream');
    expect(arrivedStatuses).not.toContain('returned');
    expect(arrivedStatuses).not.toContain('refunded');
  });
});

describe("an item's status in the open API", () => {
  it('reads purchasing while the item is upstream', () => {
    expect(purchaseStatuses.map((p) => contractFulfilmentStatus('upstream', p))).toEqual(['queued', 'queued', 'purchasing', 'purchased', 'purchasing', 'purchasing', 'cancelled']);
    expect(contractFulfilmentStatus('upstream', null)).toBe('queued');
  });

  it('is its own status from the warehouse on', () => {
    for (const status of fulfilmentStatuses.filter((s) => s !== 'upstream')) expect(contractFulfilmentStatus(status, 'purchased')).toBe(status);
  });
});
