/**
 * Report periods, all in UTC: a day is a UTC calendar day, a week is an ISO week (Monday to
 * Sunday, numbered by the year that holds its Thursday), a month is a calendar month. A period is
 * named by its first day (`YYYY-MM-DD`), which is also what the SQL buckets return (build-report.ts).
 */
export const grains = ['day', 'week', 'month'] as const;
export type Grain = (typeof grains)[number];

export type DayRange = { from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

export function isGrain(value: unknown): value is Grain {
  return typeof value === 'string' && (grains as readonly string[]).includes(value);
}

/** A `YYYY-MM-DD` that names a real date, or null. */
export function parseDay(value: string | undefined | null): string | null {
  if (!value || !DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
}

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The first day of the period that holds `day`. */
export function periodStart(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6, as MariaDB's WEEKDAY()
  return dayOf(new Date(date.getTime() - weekday * MS_PER_DAY));
}

function nextPeriod(start: string, grain: Grain): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (grain === 'day') return dayOf(new Date(date.getTime() + MS_PER_DAY));
  if (grain === 'week') return dayOf(new Date(date.getTime() + 7 * MS_PER_DAY));
  return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

/** Every period the range touches, oldest first (empty ones too, so a chart shows the gaps). */
export function periodsIn(range: DayRange, grain: Grain): string[] {
  const out: string[] = [];
  for (let at = periodStart(range.from, grain); at <= range.to; at = nextPeriod(at, grain)) out.push(at);
  return out;
}

/** The range's instants: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function rangeBounds(range: DayRange): { start: Date; end: Date } {
  return { start: new Date(`${range.from}T00:00:00Z`), end: new Date(new Date(`${range.to}T00:00:00Z`).getTime() + MS_PER_DAY) };
}

/** The days a period covers, clipped to nothing: [start, end) as `YYYY-MM-DD`. */
export function periodDays(start: string, grain: Grain): DayRange {
  const next = nextPeriod(start, grain);
  return { from: start, to: dayOf(new Date(new Date(`${next}T00:00:00Z`).getTime() - MS_PER_DAY)) };
}

/** ISO week label of a week's Monday: `2026-W01` for the week of 29 Dec 2025 – 4 Jan 2026. */
export function isoWeekLabel(monday: string): string {
  const thursday = new Date(new Date(`${monday}T00:00:00Z`).getTime() + 3 * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodLabel(start: string, grain: Grain): string {
  if (grain === 'week') return isoWeekLabel(start);
  return grain === 'month' ? start.slice(0, 7) : start;
}

/** At most this many days in one report (a year and a bit), so a typo cannot ask for a century of days. */
export const MAX_RANGE_DAYS = 400;

/** `from`/`to` from a query, defaulting to the current UTC month; null when invalid or too long. */
export function parseRange(from: string | undefined, to: string | undefined, now = new Date()): DayRange | null {
  const today = dayOf(now);
  const range = { from: from ? parseDay(from) : `${today.slice(0, 7)}-01`, to: to ? parseDay(to) : today };
  if (!range.from || !range.to || range.from > range.to) return null;
  const days = (new Date(`${range.to}T00:00:00Z`).getTime() - new Date(`${range.from}T00:00:00Z`).getTime()) / MS_PER_DAY + 1;
  return days > MAX_RANGE_DAYS ? null : { from: range.from, to: range.to };
}
