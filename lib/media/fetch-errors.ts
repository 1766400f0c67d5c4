/** Why a download failed; `reason` is what staff read in the failed-images list. */
export type FetchFailureKind = 'http' | 'timeout' | 'network' | 'too_large' | 'not_image' | 'refused';

export class ImageFetchError extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    readonly isRetryable: boolean,
    readonly status?: number,
    /** From a Retry-After header: the upstream asked us to wait at least this long. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ImageFetchError';
  }

  /** The same failure, its message saying how many attempts were spent (only when retried). */
  afterAttempts(attempts: number): ImageFetchError {
    if (attempts <= 1) return this;
    return new ImageFetchError(this.kind, `${this.message} (after ${attempts} attempts)`, this.isRetryable, this.status, this.retryAfterMs);
  }
}

/**
 * 5xx and 429 are the upstream being busy or broken for a moment; 408 is the server timing us out.
 * Every other 4xx (404 gone, 403 hotlink-protected, 410…) will answer the same next time.
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

export function httpFailure(status: number, statusText: string, retryAfter: string | null): ImageFetchError {
  const text = statusText ? ` ${statusText}` : '';
  return new ImageFetchError('http', `HTTP ${status}${text}`, isRetryableStatus(status), status, parseRetryAfter(retryAfter));
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;

export function tooLarge(size: number | null, maxBytes: number): ImageFetchError {
  const got = size === null ? '' : ` ${megabytes(size)},`;
  return new ImageFetchError('too_large', `too large:${got} over the ${megabytes(maxBytes)} cap`, false);
}

export function notAnImage(detail: string): ImageFetchError {
  return new ImageFetchError('not_image', `not an image: ${detail}`.slice(0, 200), false);
}

/** Turns whatever fetch or the body stream threw into a typed failure; anything thrown is retryable. */
export function fromThrown(error: unknown, timedOut: boolean, timeoutMs: number): ImageFetchError {
  if (error instanceof ImageFetchError) return error;
  if (timedOut) return new ImageFetchError('timeout', `timed out: no data for ${Math.round(timeoutMs / 100) / 10} s`, true);
  return new ImageFetchError('network', `network error: ${networkCode(error)}`, true);
}

// undici wraps socket errors: TypeError('fetch failed' | 'terminated') with the system error as `cause`.
function networkCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (!current.cause) return current.message.slice(0, 120);
    current = current.cause;
  }
  return 'unknown';
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries of many
 * images that failed together spread out instead of hitting the upstream again in lockstep.
 */
export function backoffDelay(retry: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
  return step / 2 + random() * (step / 2);
}
