import { createTokenBucket } from '@/lib/media/token-bucket';
import { systemClock, throwIfAborted, type Clock } from './clock';

export type RateLimiter = {
  /** Resolves when one more call may be made. Callers are served in call order. */
  acquire(signal?: AbortSignal): Promise<void>;
  readonly callsPerSecond: number;
};

export type RateLimiterOptions = {
  callsPerSecond: number;
  /** Calls that may go at once after an idle spell. Default 1: calls are evenly spaced. */
  burst?: number;
  clock?: Clock;
};

/**
 * A call-rate limiter for an upstream API (1688 counts calls per app key and second). It is the
 * image pipeline's token bucket counting calls instead of bytes: one token per call, refilled at
 * `callsPerSecond`, so the rate holds however many workers share it.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const rate = options.callsPerSecond;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`callsPerSecond must be a positive number, got ${rate}`);
  const bucket = createTokenBucket({ bytesPerSecond: rate, burst: options.burst ?? 1, clock: options.clock ?? systemClock });
  return {
    callsPerSecond: rate,
    async acquire(signal) {
      throwIfAborted(signal);
      await bucket.take(1);
    },
  };
}
