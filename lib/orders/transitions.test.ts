import { describe, expect, it } from 'vitest';
import { orderStatuses } from '@/db/schema/orders';
import { can } from '@/lib/auth/permissions';
import { holdsStock } from '@/lib/inventory/stock-holding-statuses';
import { appliesTo, findTransition, manualTransitionPermission, nextStatuses, purchasableStatuses, statusFlow, terminalStatuses, transitions } from './transitions';
import { newOrderNumber, orderNumberPattern } from './order-number';

describe('order state machine', () => {
  it('walks the happy path pending → completed one step at a time', () => {
    const path = ['pending', 'paid', 'purchasing', 'purchased', 'arrived', 'packed', 'shipped', 'completed'] as const;
    for (let i = 0; i < path.length - 1; i++) expect(findTransition(path[i]!, path[i + 1]!)).toBeDefined();
  });

  it('names the permission for a move by hand, and refuses moves only the system makes', () => {
    expect(manualTransitionPermission('paid', 'refunded')).toBe('orders:refund');
    expect(manualTransitionPermission('pending', 'cancelled')).toBe('orders:cancel');
    // Arrival follows the items (lib/warehouse receiving); packing and dispatch will follow parcels.
    for (const [from, to] of [['purchased', 'arrived'], ['arrived', 'packed'], ['packed', 'shipped'], ['shipped', 'completed']] as const) {
      expect(() => manualTransitionPermission(from, to)).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    }
    expect(() => manualTransitionPermission('pending', 'paid')).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    expect(() => manualTransitionPermission('paid', 'pending')).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('allows no skipping, no way back from a terminal state and no un-paying', () => {
    expect(findTransition('pending', 'purchasing')).toBeUndefined();
    expect(findTransition('paid', 'pending')).toBeUndefined();
    expect(findTransition('paid', 'cancelled')).toBeUndefined();
    expect(findTransition('shipped', 'refunded')).toBeUndefined();
    for (const status of terminalStatuses) expect(nextStatuses(status)).toEqual([]);
  });

  it('lets only the system mark an order paid', () => {
    expect(findTransition('pending', 'paid')!.permission).toBeNull();
  });

  it('names only existing statuses, and each pair once', () => {
    const pairs = transitions.map((t) => `${t.from}>${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const t of transitions) {
      expect(orderStatuses).toContain(t.from);
      expect(orderStatuses).toContain(t.to);
    }
  });

  it('gives each manual transition to the roles that do that work', () => {
    const perm = (from: Parameters<typeof findTransition>[0], to: Parameters<typeof findTransition>[1]) => findTransition(from, to)!.permission!;
    expect(can('purchaser', perm('paid', 'purchasing'))).toBe(true);
    expect(can('warehouse', perm('paid', 'purchasing'))).toBe(false);
    expect(can('warehouse', perm('purchased', 'refunded'))).toBe(false);
    expect(can('finance', perm('paid', 'refunded'))).toBe(true);
    expect(can('service', perm('paid', 'refunded'))).toBe(false);
    expect(can('customer', perm('pending', 'cancelled'))).toBe(false);
  });

  it('lets an order that is part-way through purchasing be refunded, by finance only', () => {
    const refund = findTransition('purchasing', 'refunded');
    expect(refund?.permission).toBe('orders:refund');
    expect(can('finance', refund!.permission!)).toBe(true);
    expect(can('purchaser', refund!.permission!)).toBe(false);
    expect(findTransition('purchasing', 'cancelled')).toBeUndefined();
  });

  it('holds stock until the units are bought upstream', () => {
    expect(statusFlow.filter(holdsStock)).toEqual(['pending', 'confirmed', 'paid', 'purchasing']);
  });

  it('lists every status once in the screens\' flow order', () => {
    expect([...statusFlow].sort()).toEqual([...orderStatuses].sort());
  });

  it('takes cash on delivery through staff confirmation, never through paid', () => {
    const confirm = findTransition('pending', 'confirmed')!;
    expect(confirm.permission).toBe('orders:confirm_cod');
    expect(appliesTo(confirm, 'cod')).toBe(true);
    expect(appliesTo(confirm, 'sandbox')).toBe(false);
    expect(appliesTo(confirm, 'stripe')).toBe(false);
    expect(can('service', confirm.permission!)).toBe(true);
    expect(can('purchaser', confirm.permission!)).toBe(false);
    // Confirmed is bought like paid, and cancelled (nothing was collected) rather than refunded.
    expect(findTransition('confirmed', 'purchasing')).toBeDefined();
    expect(findTransition('confirmed', 'cancelled')?.permission).toBe('orders:cancel');
    expect(findTransition('confirmed', 'refunded')).toBeUndefined();
    expect(findTransition('confirmed', 'paid')).toBeUndefined();
    expect(purchasableStatuses).toEqual(['paid', 'confirmed', 'purchasing']);
  });

  it('sends a failed purchase back to the queue the order came from', () => {
    const toPaid = findTransition('purchasing', 'paid')!;
    const toConfirmed = findTransition('purchasing', 'confirmed')!;
    expect([appliesTo(toPaid, 'sandbox'), appliesTo(toPaid, 'cod')]).toEqual([true, false]);
    expect([appliesTo(toConfirmed, 'sandbox'), appliesTo(toConfirmed, 'cod')]).toEqual([false, true]);
    expect(appliesTo(findTransition('paid', 'purchasing')!, 'cod')).toBe(true);
  });
});

describe('order numbers', () => {
  it('are readable, dated and unambiguous', () => {
    const number = newOrderNumber(new Date('2026-11-21T10:00:00Z'));
    expect(number).toMatch(/^FR261121-/);
    expect(number).toMatch(orderNumberPattern);
    expect(number).not.toMatch(/-.*[ILOU]/);
    expect(new Set(Array.from({ length: 1000 }, () => newOrderNumber())).size).toBe(1000);
  });
});
