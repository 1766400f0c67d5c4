/**
 * Admin times are shown, and date filters read, in the agent's time zone: the warehouse and the
 * purchasers work in China (no DST, so the offset is fixed).
 */
export const ADMIN_TIME_ZONE = 'Asia/Shanghai';
export const ADMIN_UTC_OFFSET = '+08:00';

const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `2025-11-21 14:05:09` in the admin's time zone: the same digits in every language (readable in
 * Chinese and Arabic alike, sortable), and identical on the server and in any browser whatever
 * ICU data each has.
 */
export function formatAdminDateTime(value: Date | string | null): string {
  if (value === null) return '—';
  const time = (typeof value === 'string' ? new Date(value) : value).getTime();
  if (Number.isNaN(time)) return '—';
  return new Date(time + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Start of a calendar day (YYYY-MM-DD) in the admin's time zone. */
export function adminDayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000${ADMIN_UTC_OFFSET}`);
}

/** `2025-11-21 06:05:09` in UTC: the gateway's and reconciliation's clock, for finance's money screens. */
export function formatUtcDateTime(value: Date | string): string {
  const time = (typeof value === 'string' ? new Date(value) : value).getTime();
  return Number.isNaN(time) ? '—' : new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}
