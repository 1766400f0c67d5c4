import { backoffDelay, type BackoffOptions } from './backoff';
import { sleepUnlessAborted, systemClock, type Clock } from './clock';

export type RetryOptions = BackoffOptions & {
  /** Tries in all, the first included. */
  attempts: number;
  /** Whether a failure is worth another try (transient); anything else is rethrown at once. */
  isRetryable(error: unknown): boolean;
  /** Called before each wait: the failure, the attempt that failed (1-based) and the delay chosen. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  clock?: Clock;
  signal?: AbortSignal;
};

/**
 * Runs `fn` until it succeeds, a failure is not retryable, or `attempts` tries have failed (the
 * last failure is rethrown). Waits `backoffDelay` between tries; an abort ends the wait at once.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  if (!Number.isInteger(options.attempts) || options.attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${options.attempts}`);
  const clock = options.clock ?? systemClock;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error) || options.signal?.aborted) throw error;
      const delay = backoffDelay(attempt, options);
      options.onRetry?.(error, attempt, delay);
      await sleepUnlessAborted(clock, delay, options.signal);
    }
  }
}
