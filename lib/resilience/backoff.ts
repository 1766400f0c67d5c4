export type BackoffOptions = {
  /** Ceiling of the first retry's delay. */
  baseDelayMs: number;
  /** No delay ever exceeds this. */
  maxDelayMs: number;
  /** [0, 1) source; tests pass a fixed one. */
  random?: () => number;
};

/**
 * Delay before retrying after the `attempt`-th failure (1-based): exponential with "equal jitter",
 * uniformly in [c/2, c) where c = min(max, base × 2^(attempt−1)). Half the delay is fixed so the
 * backoff really grows; the random half spreads clients that failed together (a 1688 rate-limit
 * burst hits every worker at the same instant) so they do not retry in lockstep.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return ceiling / 2 + random() * (ceiling / 2);
}
