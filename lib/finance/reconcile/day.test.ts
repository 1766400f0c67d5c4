import { describe, expect, it } from 'vitest';
import { dayBounds, parseDay, yesterday } from './day';

describe('reconciliation days (UTC)', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(parseDay('2026-12-06')).toBe('2026-12-06');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '06/12/2026', '2026-12-06T00:00', '']) expect(parseDay(bad)).toBeNull();
  });

  it('runs from 00:00 to 24:00 UTC, yesterday by the UTC clock', () => {
    const { start, end } = dayBounds('2026-12-06');
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-12-06T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    expect(yesterday(new Date('2026-12-07T00:10:00+08:00'))).toBe('2026-12-05');
  });
});
