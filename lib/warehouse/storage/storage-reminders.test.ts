import { describe, expect, it } from 'vitest';
import { dueReminder } from './storage-reminders';

const end = new Date('2026-12-21T00:00:00Z');
const left = (days: number, ms = 0) => new Date(end.getTime() - days * 86_400_000 - ms);

describe('storage reminder due', () => {
  it('is none more than 14 days before the end', () => {
    expect(dueReminder(end, left(14, 1))).toBeNull();
    expect(dueReminder(end, left(30))).toBeNull();
  });

  it('is the nearest threshold reached, never an earlier one', () => {
    expect(dueReminder(end, left(14))).toBe(14);
    expect(dueReminder(end, left(8))).toBe(14);
    expect(dueReminder(end, left(7))).toBe(7);
    // Received with 5 days left: the 7-day reminder, not 14 and 7 together.
    expect(dueReminder(end, left(5))).toBe(7);
    expect(dueReminder(end, left(1, 1))).toBe(7);
    expect(dueReminder(end, left(1))).toBe(1);
    expect(dueReminder(end, left(0, 1))).toBe(1);
  });

  it('is none at or after the end (the item is then in the expired queue)', () => {
    expect(dueReminder(end, end)).toBeNull();
    expect(dueReminder(end, left(-2))).toBeNull();
  });
});
