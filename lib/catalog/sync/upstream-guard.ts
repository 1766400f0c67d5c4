import { createCircuitBreaker, type BreakerState } from '@/lib/resilience/circuit-breaker';
import { systemClock, type Clock } from '@/lib/resilience/clock';
import { createRateLimiter } from '@/lib/resilience/rate-limiter';
import { retry } from '@/lib/resilience/retry';
import { isSupplierError } from '@/lib/suppliers/types';
import type { SyncResilience } from './types';

export const defaultResilience: SyncResilience = {
  attempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  failureThreshold: 4,
  coolDownMs: 2_000,
  maxCoolDownMs: 30_000,
};

export const isTransient = (error: unknown): boolean => isSupplierError(error) && error.isTransient;

type GuardOptions = {
  callsPerSecond: number;
  resilience: SyncResilience;
  clock?: Clock;
  onBreaker?(state: BreakerState): void;
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
};

/**
 * Every upstream call of a sync goes through here: the call-rate limiter, then the circuit
 * breaker, with transient failures (rate limits, 5xx, timeouts) retried with jittered backoff.
 * While the breaker is open the call waits out the cool-down and goes as the half-open probe:
 * the sync pauses, it never skips a page. Waiting for the breaker costs no attempt; failures do,
 * and with the breaker's growing cool-down 8 attempts ride out about a minute of outage before
 * the page — and with it the run — fails (resumable from its cursor).
 */
export function createUpstreamGuard(options: GuardOptions) {
  const clock = options.clock ?? systemClock;
  const limiter = createRateLimiter({ callsPerSecond: options.callsPerSecond, clock });
  const r = options.resilience;
  const breaker = createCircuitBreaker({
    failureThreshold: r.failureThreshold,
    coolDownMs: r.coolDownMs,
    maxCoolDownMs: r.maxCoolDownMs,
    clock,
    onStateChange: (state) => options.onBreaker?.(state),
  });
  return {
    breaker,
    call<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return retry(
        () =>
          breaker.run(
            async () => {
              await limiter.acquire(signal);
              return fn();
            },
            // A listing that is not found or invalid is an answer: the upstream is up.
            { isFailure: isTransient, signal },
          ),
        { attempts: r.attempts, baseDelayMs: r.baseDelayMs, maxDelayMs: r.maxDelayMs, isRetryable: isTransient, onRetry: options.onRetry, clock, signal },
      );
    },
  };
}

export type UpstreamGuard = ReturnType<typeof createUpstreamGuard>;
