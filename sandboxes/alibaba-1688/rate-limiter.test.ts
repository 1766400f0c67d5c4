import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('RateLimiter', () => {
  it('allows a burst of one second of calls, then refuses until tokens refill', () => {
    const c = clock();
    const limiter = new RateLimiter(5, c.now);
    const burst = Array.from({ length: 7 }, () => limiter.take('app'));
    expect(burst).toEqual([true, true, true, true, true, false, false]);
    c.advance(200); // one call's worth at 5/s
    expect(limiter.take('app')).toBe(true);
    expect(limiter.take('app')).toBe(false);
  });

  it('keeps a bucket per app', () => {
    const c = clock();
    const limiter = new RateLimiter(1, c.now);
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    expect(limiter.take('b')).toBe(true);
  });

  it('sustains the configured rate and never banks more than one second', () => {
    const c = clock();
    const limiter = new RateLimiter(100, c.now);
    c.advance(60_000);
    let allowed = 0;
    for (let i = 0; i < 1000; i++) {
      if (limiter.take('app')) allowed++;
      c.advance(1); // 1000 attempts over one second
    }
    // 100 banked + 100 refilled over the second, within a token of rounding.
    expect(allowed).toBeGreaterThanOrEqual(199);
    expect(allowed).toBeLessThanOrEqual(201);
  });

  it('applies a new rate at once and refuses nonsense', () => {
    const c = clock();
    const limiter = new RateLimiter(1, c.now);
    limiter.take('app');
    limiter.setRate(3);
    expect([limiter.take('app'), limiter.take('app'), limiter.take('app'), limiter.take('app')]).toEqual([true, true, true, false]);
    expect(() => limiter.setRate(0)).toThrow(RangeError);
  });
});
