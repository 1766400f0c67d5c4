import type { Clock } from '@/lib/media/token-bucket';

/*
 * One time source for everything that waits (the byte bucket of the image pipeline, the call-rate
 * limiter, backoff and the circuit breaker), so a test drives them all with one fake clock.
 */
export { systemClock, type Clock } from '@/lib/media/token-bucket';

export class AbortedError extends Error {
  constructor(reason?: unknown) {
    super(reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'The operation was aborted');
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AbortedError(signal.reason);
}

/**
 * `clock.sleep(ms)` that ends early (rejecting with AbortedError) when `signal` aborts: a sync
 * waiting out a breaker's cool-down must stop at once when staff or a test cancels it.
 */
export async function sleepUnlessAborted(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  if (ms <= 0) return;
  if (!signal) return clock.sleep(ms);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new AbortedError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([clock.sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
