import { describe, expect, it } from 'vitest';
import { createTokenBucket, type Clock } from './token-bucket';

/** A manual clock: `sleep` parks until the test advances time past its deadline. */
function fakeClock() {
  let t = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => t,
    sleep(ms) {
      sleeps.push(ms);
      return new Promise((resolve) => timers.push({ at: t + ms, resolve }));
    },
  };
  const advance = async (ms: number) => {
    t += ms;
    for (const timer of timers.filter((x) => x.at <= t + 1e-9)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.resolve();
    }
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, sleeps, advance, now: () => t, set: (ms: number) => void (t = ms) };
}

describe('createTokenBucket', () => {
  it('lets a full burst through at once, then makes the next caller wait for its deficit', async () => {
    const c = fakeClock();
    const bucket = createTokenBucket({ bytesPerSecond: 1000, burst: 100, clock: c.clock });
    await bucket.take(100);
    expect(c.sleeps).toEqual([]);
    const pending = bucket.take(500);
    expect(c.sleeps).toEqual([500]);
    let done = false;
    void pending.then(() => (done = true));
    await c.advance(499);
    expect(done).toBe(false);
    await c.advance(1);
    expect(done).toBe(true);
  });

  it('holds the rate over a long stream taken chunk by chunk', async () => {
    const c = fakeClock();
    // A sleep that advances the fake time at once: a single consumer reading as fast as allowed.
    const clock: Clock = { now: c.now, sleep: async (ms) => c.set(c.now() + ms) };
    const bucket = createTokenBucket({ bytesPerSecond: 1_000_000, burst: 100_000, clock });
    for (let sent = 0; sent < 5_000_000; sent += 65_536) await bucket.take(Math.min(65_536, 5_000_000 - sent));
    // 5 MB minus the initial burst at 1 MB/s.
    expect(c.now()).toBeCloseTo(4900, 6);
  });

  it('serves concurrent callers in call order, each waiting for the debt ahead of it', async () => {
    const c = fakeClock();
    const bucket = createTokenBucket({ bytesPerSecond: 1000, burst: 1000, clock: c.clock });
    const order: string[] = [];
    await bucket.take(1000);
    const a = bucket.take(300).then(() => order.push('a'));
    const b = bucket.take(300).then(() => order.push('b'));
    expect(c.sleeps).toEqual([300, 600]);
    await c.advance(300);
    expect(order).toEqual(['a']);
    await c.advance(300);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('refills while idle but never beyond the burst', async () => {
    const c = fakeClock();
    const bucket = createTokenBucket({ bytesPerSecond: 1000, burst: 200, clock: c.clock });
    await bucket.take(200);
    c.set(60_000);
    await bucket.take(200);
    expect(c.sleeps).toEqual([]);
    void bucket.take(100);
    expect(c.sleeps).toEqual([100]);
  });

  it('defaults the burst to 100 ms of traffic (at least 64 KiB) and rejects a non-positive rate', () => {
    expect(createTokenBucket({ bytesPerSecond: 50_000_000 }).burst).toBe(5_000_000);
    expect(createTokenBucket({ bytesPerSecond: 100_000 }).burst).toBe(65_536);
    expect(() => createTokenBucket({ bytesPerSecond: 0 })).toThrow(/positive/);
    expect(() => createTokenBucket({ bytesPerSecond: Number.NaN })).toThrow(/positive/);
  });
});
