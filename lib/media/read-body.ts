import { notAnImage, tooLarge } from './fetch-errors';
import type { TokenBucket } from './token-bucket';

/**
 * Arms a timer only while we wait on the network (headers, then each chunk), never while we wait
 * on the bandwidth bucket: a slow share of a busy cap is not the upstream stalling.
 */
export function createStallGuard(timeoutMs: number, controller: AbortController) {
  let timedOut = false;
  return {
    get timedOut() {
      return timedOut;
    },
    async run<T>(wait: () => Promise<T>): Promise<T> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Abort frees the socket; the race makes sure we stop waiting even if a stream ignores it.
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
          reject(new Error('stalled'));
        }, timeoutMs);
      });
      const pending = wait();
      pending.catch(() => undefined);
      try {
        return await Promise.race([pending, stalled]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

type StallGuard = ReturnType<typeof createStallGuard>;

// Error pages, JSON errors and login walls come back as 200 with these types: not worth decoding.
const nonImageType = /^(text\/|application\/(json|xml|xhtml\+xml|javascript))/i;

/** Rejects a response by its headers before a byte of its body is read. */
export function checkHeaders(res: Response, maxBytes: number): void {
  const type = res.headers.get('content-type');
  if (type && nonImageType.test(type)) throw notAnImage(`content-type ${type.split(';')[0]}`);
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > maxBytes) throw tooLarge(length, maxBytes);
}

/**
 * Reads a body chunk by chunk, paying the bucket for each chunk before asking for the next, so
 * the stream (and, through TCP, the sender) is held to the cap over time, not per file.
 */
export async function readBody(
  res: Response,
  options: { bucket: TokenBucket | null; maxBytes: number; guard: StallGuard; onBytes: (n: number) => void },
): Promise<Buffer> {
  if (!res.body) throw notAnImage('empty body');
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let isDone = false;
  try {
    for (;;) {
      const { done, value } = await options.guard.run(() => reader.read());
      if (done) break;
      size += value.byteLength;
      options.onBytes(value.byteLength);
      if (size > options.maxBytes) throw tooLarge(null, options.maxBytes);
      chunks.push(value);
      if (options.bucket) await options.bucket.take(value.byteLength);
    }
    isDone = true;
  } finally {
    // Frees the connection when we stop early (too large, timeout).
    if (!isDone) await reader.cancel().catch(() => undefined);
  }
  if (size === 0) throw notAnImage('empty body');
  return Buffer.concat(chunks, size);
}
