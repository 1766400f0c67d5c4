/**
 * Reconciliation days are UTC calendar days, [00:00, 24:00) UTC: the gateway's reports and balance
 * transaction timestamps are UTC, so a day means the same thing to Ferry and to the gateway.
 */
const DAY_MS = 86_400_000;

export function parseDay(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const at = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text ? text : null;
}

export function dayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00.000Z`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function yesterday(now = new Date()): string {
  return utcDay(new Date(now.getTime() - DAY_MS));
}
