import { describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant';

describe('formatInstant', () => {
  it('formats in UTC with Latin digits, whatever the language', () => {
    expect(formatInstant('2026-01-12T08:05:00Z', 'en')).toBe('Jan 12, 2026, 8:05 AM UTC');
    expect(formatInstant(new Date('2026-01-12T23:30:00Z'), 'ar')).toMatch(/^[^٠-٩]*2026[^٠-٩]*UTC$/);
  });
});
