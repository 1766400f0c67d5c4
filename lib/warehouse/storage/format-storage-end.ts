/** The warehouse's zone: storage ends are shown in it, with the offset, so "until" means one instant everywhere. */
export const WAREHOUSE_TIME_ZONE = 'Asia/Shanghai';

/** "Dec 7, 2026, 11:00 AM GMT+8" in `locale`: a free period's end as the shopper and staff read it. */
export function formatStorageEnd(end: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: WAREHOUSE_TIME_ZONE, timeZoneName: 'short' }).format(end);
}
