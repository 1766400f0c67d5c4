import { describe, expect, it } from 'vitest';
import { daysSinceShipped, isLate, lateCutoff } from './lateness';

const now = new Date('2026-12-07T12:00:00Z');
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 - hours * 3_600_000);

describe('inbound lateness', () => {
  it('counts whole days since the seller shipped, none for an unknown time', () => {
    expect(daysSinceShipped(ago(0, 23), now)).toBe(0);
    expect(daysSinceShipped(ago(1), now)).toBe(1);
    expect(daysSinceShipped(ago(6, 5), now)).toBe(6);
    expect(daysSinceShipped(null, now)).toBeNull();
    // A clock a little behind the marketplace's does not give negative days.
    expect(daysSinceShipped(new Date(now.getTime() + 60_000), now)).toBe(0);
  });

  it('is late only once more than the set number of days have passed', () => {
    expect(isLate(ago(5), now, 5)).toBe(false);
    expect(isLate(ago(5, 1), now, 5)).toBe(true);
    expect(isLate(ago(2), now, 1)).toBe(true);
    expect(isLate(ago(2), now, 3)).toBe(false);
    expect(isLate(null, now, 1)).toBe(false);
    expect(lateCutoff(now, 5).toISOString()).toBe('2026-12-02T12:00:00.000Z');
  });
});
