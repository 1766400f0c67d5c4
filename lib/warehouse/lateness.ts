const DAY_MS = 86_400_000;

/** Whole days since the seller sent a parcel (0 on the day itself); null when the time is unknown. */
export function daysSinceShipped(shippedAt: Date | null, now: Date): number | null {
  if (!shippedAt) return null;
  return Math.max(0, Math.floor((now.getTime() - shippedAt.getTime()) / DAY_MS));
}

/**
 * The instant before which a parcel still expected counts as late: shipped more than
 * `lateAfterDays` whole days ago (the setting `warehouse.inboundLateAfterDays`).
 */
export function lateCutoff(now: Date, lateAfterDays: number): Date {
  return new Date(now.getTime() - lateAfterDays * DAY_MS);
}

export function isLate(shippedAt: Date | null, now: Date, lateAfterDays: number): boolean {
  return shippedAt !== null && shippedAt.getTime() < lateCutoff(now, lateAfterDays).getTime();
}
