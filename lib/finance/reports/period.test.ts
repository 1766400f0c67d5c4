import { describe, expect, it } from 'vitest';
import { isoWeekLabel, parseRange, periodDays, periodLabel, periodsIn, periodStart } from './period';

describe('report periods (UTC, ISO weeks)', () => {
  it('buckets a day into its day, ISO week (Monday) and month', () => {
    expect(periodStart('2026-12-06', 'day')).toBe('2026-12-06');
    expect(periodStart('2026-12-06', 'week')).toBe('2026-11-30'); // a Sunday belongs to the week of the Monday before
    expect(periodStart('2026-11-30', 'week')).toBe('2026-11-30');
    expect(periodStart('2026-12-31', 'month')).toBe('2026-12-01');
  });

  it('numbers weeks by the year of their Thursday across a year end', () => {
    expect(periodStart('2026-01-01', 'week')).toBe('2025-12-29');
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
    expect(isoWeekLabel('2020-12-28')).toBe('2020-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(periodLabel('2026-12-01', 'month')).toBe('2026-12');
  });

  it('lists every period a range touches, empty ones included', () => {
    expect(periodsIn({ from: '2026-01-30', to: '2026-03-01' }, 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodsIn({ from: '2026-12-01', to: '2026-12-14' }, 'week')).toEqual(['2026-11-30', '2026-12-07', '2026-12-14']);
    expect(periodsIn({ from: '2024-02-28', to: '2024-03-01' }, 'day')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(periodDays('2024-02-01', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDays('2026-11-30', 'week')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('parses a range, defaulting to the month so far, and refuses bad or huge ones', () => {
    const now = new Date('2026-12-07T09:00:00Z');
    expect(parseRange(undefined, undefined, now)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(parseRange('2026-02-30', '2026-03-01', now)).toBeNull();
    expect(parseRange('2026-03-02', '2026-03-01', now)).toBeNull();
    expect(parseRange('2020-01-01', '2026-01-01', now)).toBeNull();
  });
});
