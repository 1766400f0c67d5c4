import { describe, expect, it } from 'vitest';
import { retry } from './retry';
import { fakeClock } from './testing/fake-clock';

class Transient extends Error {}

describe('retry', () => {
  const options = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, isRetryable: (e: unknown) => e instanceof Transient };

  it('retries transient failures with growing jittered waits, then succeeds', async () => {
    const c = fakeClock();
    const seen: number[] = [];
    const retried: [number, number][] = [];
    const result = await retry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 4) throw new Transient('503');
        return 'ok';
      },
      { ...options, clock: c.instant, onRetry: (_e, attempt, delay) => retried.push([attempt, delay]) },
    );
    expect(result).toBe('ok');
    expect(seen).toEqual([1, 2, 3, 4]);
    // random 0.5 → three quarters of each ceiling (100, 200, 400).
    expect(retried).toEqual([
      [1, 75],
      [2, 150],
      [3, 300],
    ]);
    expect(c.now()).toBe(525);
  });

  it('gives up after the last attempt and rethrows its error', async () => {
    const c = fakeClock();
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls += 1;
          throw new Transient(`failure ${calls}`);
        },
        { ...options, clock: c.instant },
      ),
    ).rejects.toThrow('failure 5');
    expect(calls).toBe(5);
  });

  it('does not retry a failure that is not transient', async () => {
    const c = fakeClock();
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls += 1;
          throw new Error('invalid offer');
        },
        { ...options, clock: c.instant },
      ),
    ).rejects.toThrow('invalid offer');
    expect(calls).toBe(1);
    expect(c.sleeps).toEqual([]);
  });

  it('stops waiting when aborted', async () => {
    const c = fakeClock();
    const controller = new AbortController();
    const run = retry(
      async () => {
        throw new Transient('503');
      },
      { ...options, clock: c.clock, signal: controller.signal },
    );
    await c.flush();
    expect(c.pending()).toBe(1);
    controller.abort();
    await expect(run).rejects.toThrow(/abort/i);
  });
});
