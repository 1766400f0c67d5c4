import { describe, expect, it } from 'vitest';
import { warehouseDayStart } from './warehouse-day';

describe('the warehouse day', () => {
  it('starts at midnight in Shanghai, which is 16:00 UTC the day before', () => {
    expect(warehouseDayStart(new Date('2026-12-07T08:00:00Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(warehouseDayStart(new Date('2026-12-07T15:59:59.999Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(warehouseDayStart(new Date('2026-12-07T16:00:00Z')).toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });
});
