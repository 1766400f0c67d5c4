import { DAY_MS } from './storage-clock';

/** Reminders before free storage ends, by days left; each is an `item_notices` kind (`storage_14` …). */
export const reminderThresholds = [14, 7, 1] as const;
export type ReminderThreshold = (typeof reminderThresholds)[number];
export type ReminderKind = `storage_${ReminderThreshold}`;

export const reminderKind = (threshold: ReminderThreshold): ReminderKind => `storage_${threshold}`;

/**
 * The one reminder due now for an item whose free storage ends at `end`: the nearest threshold
 * already reached (at most 14, 7 or 1 × 24 hours left), or null before 14 days or after the end.
 * Only the nearest is sent: an item received with 5 days left gets the 7-day reminder and later the
 * 1-day one, never a burst of three; once the 7-day one is due the 14-day one is never chosen again.
 * Whether it was sent already is `item_notices`' business, not this function's.
 */
export function dueReminder(end: Date, now: Date): ReminderThreshold | null {
  const left = end.getTime() - now.getTime();
  if (left <= 0) return null;
  let due: ReminderThreshold | null = null;
  for (const threshold of reminderThresholds) if (left <= threshold * DAY_MS) due = threshold;
  return due;
}
