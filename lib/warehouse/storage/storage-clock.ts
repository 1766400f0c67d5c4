import type { FulfilmentStatus } from '@/db/schema/orders';

export const DAY_MS = 86_400_000;

/**
 * Items the warehouse is holding for the shopper, on whose shelf space the clock runs: arrived and
 * waiting for QC (`in_warehouse`), accepted and waiting to be packed (`accepted`), and waiting to go
 * back to the seller (`return_requested` — still on our shelf until the seller takes it). Items in a
 * parcel, shipped, returned or refunded are no longer stored. Nothing is ever destroyed or disposed
 * of automatically when the free period ends: the clock only names the fee staff may charge.
 */
export const storedStatuses = ['in_warehouse', 'accepted', 'return_requested'] as const satisfies readonly FulfilmentStatus[];

export const isStored = (status: FulfilmentStatus): boolean => (storedStatuses as readonly string[]).includes(status);

/**
 * The instant free storage ends: `receivedAt` plus `freeDays` periods of 24 hours. Counted in
 * elapsed time, not calendar days, so the warehouse's zone does not matter: Asia/Shanghai keeps no
 * daylight saving, so 24 hours there is always one calendar day, and a leap day is simply a day.
 */
export function freeStorageEnd(receivedAt: Date, freeDays: number): Date {
  return new Date(receivedAt.getTime() + freeDays * DAY_MS);
}

/**
 * Days of paid storage so far: every full or started 24-hour period after the free period ended
 * (one millisecond past the end is one day). Zero up to and at the end itself.
 */
export function daysOver(end: Date, now: Date): number {
  const over = now.getTime() - end.getTime();
  return over > 0 ? Math.ceil(over / DAY_MS) : 0;
}

/** The storage fee accrued so far, in CNY fen: days over × the agent's fee per item per day. */
export function accruedFeeFen(end: Date, now: Date, feePerDayFen: number): number {
  return daysOver(end, now) * feePerDayFen;
}

/** Days left before the free period ends, rounded up (23 hours left is 1 day); 0 once it has ended. */
export function daysLeft(end: Date, now: Date): number {
  const left = end.getTime() - now.getTime();
  return left > 0 ? Math.ceil(left / DAY_MS) : 0;
}

export type StorageClock = { end: Date; daysLeft: number; daysOver: number; feeFen: number };

/** One stored item's storage clock for pages and the open API. */
export function storageClock(receivedAt: Date, now: Date, settings: { freeDays: number; feePerDayFen: number }): StorageClock {
  const end = freeStorageEnd(receivedAt, settings.freeDays);
  return { end, daysLeft: daysLeft(end, now), daysOver: daysOver(end, now), feeFen: accruedFeeFen(end, now, settings.feePerDayFen) };
}
