import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';
import { fakeClock } from './testing/fake-clock';

describe('createRateLimiter', () => {
  it('spaces calls at the configured rate', async () => {
    const c = fakeClock();
    const limiter = createRateLimiter({ callsPerSecond: 20, clock: c.instant });
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      await limiter.acquire();
      times.push(c.now());
    }
    // The first call goes at once; each next one 50 ms later.
    expect(times[0]).toBe(0);
    expect(times[10]).toBeCloseTo(500, 6);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(50, 6);
  });

  it('holds the rate across concurrent callers, serving them in call order', async () => {
    const c = fakeClock();
    const limiter = createRateLimiter({ callsPerSecond: 10, burst: 2, clock: c.clock });
    const done: number[] = [];
    const calls = Array.from({ length: 6 }, (_, i) => limiter.acquire().then(() => done.push(i)));
    await c.flush();
    expect(done).toEqual([0, 1]);
    await c.advance(100);
    expect(done).toEqual([0, 1, 2]);
    await c.advance(300);
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    await Promise.all(calls);
  });

  it('refuses a rate that is not positive, and an aborted caller', async () => {
    expect(() => createRateLimiter({ callsPerSecond: 0 })).toThrow(RangeError);
    const controller = new AbortController();
    controller.abort();
    await expect(createRateLimiter({ callsPerSecond: 5 }).acquire(controller.signal)).rejects.toThrow(/abort/i);
  });
});
