import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const base = { baseDelayMs: 100, maxDelayMs: 2000 };

  it('stays within [c/2, c) where c doubles per attempt up to the maximum', () => {
    const ceilings = [100, 200, 400, 800, 1600, 2000, 2000];
    ceilings.forEach((c, i) => {
      expect(backoffDelay(i + 1, { ...base, random: () => 0 })).toBe(c / 2);
      expect(backoffDelay(i + 1, { ...base, random: () => 0.999999 })).toBeLessThan(c);
      expect(backoffDelay(i + 1, { ...base, random: () => 0.999999 })).toBeGreaterThan(c * 0.99);
    });
  });

  it('spreads delays across the jitter range with a real random source', () => {
    const delays = Array.from({ length: 2000 }, () => backoffDelay(3, base));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...delays)).toBeLessThan(400);
    // Not all in lockstep: the spread covers most of the range.
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(150);
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => backoffDelay(0, base)).toThrow(RangeError);
  });
});
