import { describe, expect, it } from 'vitest';
import { accruedFeeFen, daysLeft, daysOver, freeStorageEnd, isStored, storageClock } from './storage-clock';

const received = new Date('2026-09-08T03:00:00Z');
const end = freeStorageEnd(received, 90);
const plus = (ms: number) => new Date(end.getTime() + ms);

describe('storage clock', () => {
  it('ends the free period 90 × 24 hours after receiving', () => {
    expect(end.toISOString()).toBe('2026-12-07T03:00:00.000Z');
  });

  it('charges nothing up to and at the end, a whole day one millisecond after it', () => {
    expect(daysOver(end, plus(-1))).toBe(0);
    expect(daysOver(end, end)).toBe(0);
    expect(accruedFeeFen(end, end, 50)).toBe(0);
    expect(daysOver(end, plus(1))).toBe(1);
    expect(accruedFeeFen(end, plus(1), 50)).toBe(50);
    expect(daysOver(end, plus(86_400_000))).toBe(1);
    expect(daysOver(end, plus(86_400_001))).toBe(2);
    expect(accruedFeeFen(end, plus(10 * 86_400_000 - 1), 50)).toBe(500);
  });

  it('starts charging at once with no free days, and never with a fee of 0', () => {
    const now = new Date(received.getTime() + 2.5 * 86_400_000);
    expect(freeStorageEnd(received, 0)).toEqual(received);
    expect(accruedFeeFen(freeStorageEnd(received, 0), now, 50)).toBe(150);
    expect(accruedFeeFen(freeStorageEnd(received, 0), now, 0)).toBe(0);
  });

  it('counts a leap day as a day', () => {
    const leapEnd = freeStorageEnd(new Date('2028-02-01T16:00:00Z'), 30);
    expect(leapEnd.toISOString()).toBe('2028-03-02T16:00:00.000Z');
    expect(daysOver(leapEnd, new Date('2028-03-03T16:00:00Z'))).toBe(1);
  });

  it('rounds days left up and stops at 0', () => {
    expect(daysLeft(end, plus(-86_400_000 - 1))).toBe(2);
    expect(daysLeft(end, plus(-1))).toBe(1);
    expect(daysLeft(end, end)).toBe(0);
    expect(storageClock(received, plus(3 * 86_400_000), { freeDays: 90, feePerDayFen: 50 })).toEqual({ end, daysLeft: 0, daysOver: 3, feeFen: 150 });
  });

  it('runs only for items on the shelf', () => {
    expect(['in_warehouse', 'accepted', 'return_requested'].every((s) => isStored(s as never))).toBe(true);
    expect(['upstream', 'in_parcel', 'shipped', 'returned', 'refunded', 'delivered'].some((s) => isStored(s as never))).toBe(false);
  });
});
