import { DAY_MS } from './storage/storage-clock';

/** Asia/Shanghai is UTC+8 all year (no daylight saving), so its midnight is a fixed offset from UTC's. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The warehouse's midnight (Asia/Shanghai) that began the day `now` falls in: "arrived today" counts from here. */
export function warehouseDayStart(now: Date): Date {
  return new Date(Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS);
}
