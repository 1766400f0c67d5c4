/** Time source for the bucket; tests pass a fake one so nothing really sleeps. */
export type Clock = { now(): number; sleep(ms: number): Promise<void> };

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type TokenBucket = {
  /** Resolves once `n` bytes may pass. Callers are served in call order. */
  take(n: number): Promise<void>;
  readonly bytesPerSecond: number;
  readonly burst: number;
};

export type TokenBucketOptions = {
  bytesPerSecond: number;
  /** Bytes that may pass at once after an idle spell. Default: 100 ms of traffic, at least 64 KiB. */
  burst?: number;
  clock?: Clock;
};

/**
 * A byte token bucket shared by every download. Tokens refill continuously at `bytesPerSecond`
 * up to `burst`. `take(n)` always debits at once and lets the balance go negative: the caller then
 * waits until the debt is repaid. That keeps the order fair (a later caller's wait includes every
 * earlier caller's debt) and lets a chunk larger than the burst through without deadlock, while the
 * total over any window stays within `burst + rate × window`.
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const rate = options.bytesPerSecond;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`bytesPerSecond must be a positive number, got ${rate}`);
  const burst = options.burst ?? Math.max(64 * 1024, rate / 10);
  if (!(burst > 0)) throw new RangeError(`burst must be positive, got ${burst}`);
  const clock = options.clock ?? systemClock;

  let tokens = burst;
  let last = clock.now();

  const refill = () => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
    last = now;
  };

  return {
    bytesPerSecond: rate,
    burst,
    async take(n: number) {
      if (!(n > 0)) return;
      refill();
      tokens -= n;
      if (tokens >= 0) return;
      await clock.sleep((-tokens / rate) * 1000);
    },
  };
}
