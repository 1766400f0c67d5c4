import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from 5 s and caps at an hour', () => {
    const top = (n: number) => retryDelayMs(n, () => 1);
    expect([1, 2, 3, 4].map(top)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(top(11)).toBe(3_600_000);
    expect(top(40)).toBe(3_600_000);
  });

  it('draws between half and all of the step', () => {
    expect(retryDelayMs(3, () => 0)).toBe(10_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(15_000);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(2);
      expect(delay).toBeGreaterThanOrEqual(5_000);
      expect(delay).toBeLessThanOrEqual(10_000);
    }
  });
});
