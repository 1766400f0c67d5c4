import { describe, expect, it } from 'vitest';
import { purchaseOrderStatuses, type PurchaseOrderStatus } from '@/db/schema/purchasing';
import { can } from '@/lib/auth/permissions';
import { findTransitionIn, nextStatusesIn, tableProblems } from '@/lib/state-machine/table';
import { manualFromStatuses, purchaseOrderTransitions as table } from './transitions';

const find = (from: PurchaseOrderStatus, to: PurchaseOrderStatus) => findTransitionIn(table, from, to);

describe('purchase-order state machine', () => {
  it('names only existing statuses, each pair once, each with an event', () => {
    expect(tableProblems(table, purchaseOrderStatuses)).toEqual([]);
  });

  it('walks claimed → previewed → placing → placed one step at a time', () => {
    expect(find('claimed', 'previewed')?.event).toBe('purchase.previewed');
    expect(find('previewed', 'placing')?.event).toBe('purchase.placing');
    expect(find('placing', 'placed')?.event).toBe('purchase.placed');
    expect(find('claimed', 'placing')).toBeUndefined();
  });

  it('leaves placed only when a refund cancels it upstream, never leaves cancelled, never goes back to placing', () => {
    expect(nextStatusesIn(table, 'placed')).toEqual(['cancelled']);
    expect(find('placed', 'cancelled')).toMatchObject({ event: 'purchase.cancelled_upstream', permission: 'orders:refund' });
    expect(nextStatusesIn(table, 'cancelled')).toEqual([]);
    expect(table.filter((t) => t.to === 'placing').map((t) => t.from)).toEqual(['previewed']);
  });

  it('lets a purchaser take over by hand only while Ferry is not sending the order upstream', () => {
    expect(manualFromStatuses).toEqual(['failed', 'claimed', 'previewed']);
    expect(find('placing', 'placed')?.event).not.toBe('purchase.manual');
    expect(find('awaiting_shopper', 'placed')).toBeUndefined();
  });

  it('retries or cancels a failed order, and closes one that waited for shoppers', () => {
    expect(nextStatusesIn(table, 'failed').sort()).toEqual(['cancelled', 'claimed', 'placed']);
    expect(nextStatusesIn(table, 'awaiting_shopper')).toEqual(['cancelled']);
    expect(find('awaiting_shopper', 'cancelled')?.permission).toBeNull();
  });

  it('gives the moves people make to purchasers (a refund’s cancellation to finance), not to the warehouse', () => {
    expect(can('finance', 'orders:refund')).toBe(true);
    for (const t of table.filter((t) => t.permission !== null && t.permission !== 'orders:refund')) {
      expect(can('purchaser', t.permission!)).toBe(true);
      expect(can('warehouse', t.permission!)).toBe(false);
    }
  });
});
