import { sleepUnlessAborted, systemClock, throwIfAborted, type Clock } from './clock';

export const breakerStates = ['closed', 'open', 'half_open'] as const;
export type BreakerState = (typeof breakerStates)[number];

export type CircuitBreakerOptions = {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one probe through. */
  coolDownMs: number;
  /** Each failed probe doubles the cool-down, up to this (default: 8 × coolDownMs). */
  maxCoolDownMs?: number;
  clock?: Clock;
  onStateChange?(state: BreakerState, previous: BreakerState): void;
};

export class CircuitOpenError extends Error {
  constructor(readonly retryInMs: number) {
    super(`The circuit is open; next probe in ${Math.ceil(retryInMs)} ms`);
    this.name = 'CircuitOpenError';
  }
}

export type CircuitBreaker = {
  readonly state: BreakerState;
  /** Times the circuit has opened since it was made (re-opens after a failed probe included). */
  readonly opens: number;
  /**
   * Waits until a call may go: at once while closed; while open, until the cool-down has passed,
   * then the first waiter goes as the half-open probe and the others wait for its outcome.
   */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Fail-fast variant for callers that would rather not wait: throws CircuitOpenError. */
  acquireNow(): void;
  /** Report the outcome of a call made after `acquire`. */
  recordSuccess(): void;
  recordFailure(): void;
  /** acquire → fn → record. `isFailure` decides which errors count (an upstream's 404 is an answer, not an outage). */
  run<T>(fn: () => Promise<T>, options?: { isFailure?: (error: unknown) => boolean; signal?: AbortSignal }): Promise<T>;
};

/**
 * A circuit breaker: after `failureThreshold` failures in a row the circuit opens and calls wait
 * (or fail fast) instead of hammering an upstream that is down or throttling; after the cool-down
 * one probe is let through (half-open): success closes the circuit, failure opens it again with a
 * longer cool-down.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) throw new RangeError('failureThreshold must be a positive integer');
  if (!(options.coolDownMs >= 0)) throw new RangeError('coolDownMs must not be negative');
  const clock = options.clock ?? systemClock;
  const maxCoolDown = options.maxCoolDownMs ?? options.coolDownMs * 8;
  let state: BreakerState = 'closed';
  let failures = 0;
  let opens = 0;
  let openedAt = 0;
  let coolDown = options.coolDownMs;
  let probing = false;
  let waiters: (() => void)[] = [];

  const move = (next: BreakerState) => {
    if (next === state) return;
    const previous = state;
    state = next;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
    options.onStateChange?.(next, previous);
  };
  const open = (nextCoolDown: number) => {
    opens += 1;
    openedAt = clock.now();
    coolDown = nextCoolDown;
    probing = false;
    move('open');
  };
  const remaining = () => Math.max(0, openedAt + coolDown - clock.now());
  const nextChange = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal!.reason ?? new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });

  const breaker: CircuitBreaker = {
    get state() {
      return state;
    },
    get opens() {
      return opens;
    },
    async acquire(signal) {
      for (;;) {
        throwIfAborted(signal);
        if (state === 'closed') return;
        if (state === 'open') {
          const wait = remaining();
          if (wait > 0) {
            await sleepUnlessAborted(clock, wait, signal);
            continue;
          }
          probing = true;
          move('half_open');
          return;
        }
        // Half-open with a probe in flight: its outcome decides for everyone.
        if (!probing) {
          probing = true;
          return;
        }
        await nextChange(signal);
      }
    },
    acquireNow() {
      if (state === 'closed') return;
      if (state === 'open' && remaining() > 0) throw new CircuitOpenError(remaining());
      if (state === 'half_open' && probing) throw new CircuitOpenError(0);
      probing = true;
      move('half_open');
    },
    recordSuccess() {
      failures = 0;
      if (state !== 'closed') {
        probing = false;
        coolDown = options.coolDownMs;
        move('closed');
      }
    },
    recordFailure() {
      failures += 1;
      if (state === 'half_open') open(Math.min(maxCoolDown, coolDown * 2));
      else if (state === 'closed' && failures >= options.failureThreshold) open(options.coolDownMs);
    },
    async run(fn, runOptions = {}) {
      await breaker.acquire(runOptions.signal);
      try {
        const result = await fn();
        breaker.recordSuccess();
        return result;
      } catch (error) {
        if (runOptions.isFailure?.(error) ?? true) breaker.recordFailure();
        else breaker.recordSuccess();
        throw error;
      }
    },
  };
  return breaker;
}
