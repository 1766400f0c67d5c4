import 'server-only';
import { getEnv } from '@/lib/env';
import { backoffDelay, fromThrown, httpFailure, ImageFetchError } from './fetch-errors';
import { createGuardedTransport, type ImageTransport } from './guarded-transport';
import { parseImageHosts } from './image-url-policy';
import { checkHeaders, createStallGuard, readBody } from './read-body';
import { createSemaphore } from './semaphore';
import { createTokenBucket, type TokenBucket } from './token-bucket';

export type ImageFetcherOptions = {
  /** Simultaneous downloads across every caller of this fetcher. */
  concurrency?: number;
  /** Bandwidth cap for all downloads together; `null` switches it off. */
  bytesPerSecond?: number | null;
  burstBytes?: number;
  /** Extra attempts after the first for transient failures (3 → up to 4 attempts). */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest wait for headers or for the next chunk of the body. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Maps a stored URL to the one actually fetched (e.g. a CDN URL to the local 1688 sandbox). */
  rewriteUrl?: (url: string) => string;
  /** Hosts images may come from (`*.domain` patterns); IMAGE_HOSTS by default. */
  imageHosts?: readonly string[];
  /** URL prefixes fetched without the public-address check: only a configured stand-in CDN (ALIBABA_1688_CDN_URL). */
  trustedBases?: readonly string[];
  /** Share one bucket between several fetchers; otherwise each gets its own. */
  bucket?: TokenBucket;
  /** The HTTP client; by default one that checks every URL and redirect against the hosts above and connects only to public addresses. */
  fetchImpl?: ImageTransport;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type FetchCounters = { attempts: number; retries: number; bytes: number; succeeded: number; failed: number; active: number; peakActive: number };

export type ImageFetcher = { fetch(url: string): Promise<Buffer>; counters(): FetchCounters };

// Field numbers: 200 unbounded downloads saturated a 500 Mbps (62.5 MB/s) link; 10 downloads and
// 50 MB/s leave the rest of the link to the shop.
export const fetcherDefaults = {
  concurrency: 10,
  bytesPerSecond: 50_000_000,
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 15_000,
  maxBytes: 20_000_000,
} as const;

/** Downloads product-image originals: capped concurrency and bandwidth, retries with backoff. */
export function createImageFetcher(options: ImageFetcherOptions = {}): ImageFetcher {
  const o = { ...fetcherDefaults, ...definedOnly(options) };
  const semaphore = createSemaphore(o.concurrency);
  const bucket = options.bucket ?? (o.bytesPerSecond === null ? null : createTokenBucket({ bytesPerSecond: o.bytesPerSecond, burst: options.burstBytes }));
  const fetchImpl =
    options.fetchImpl ?? createGuardedTransport({ hosts: options.imageHosts ?? parseImageHosts(getEnv().IMAGE_HOSTS), trustedBases: options.trustedBases ?? [] });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const counters = { attempts: 0, retries: 0, bytes: 0, succeeded: 0, failed: 0 };

  async function attempt(url: string): Promise<Buffer> {
    // The slot covers the download only: backoff sleeps and image decoding happen outside it.
    const release = await semaphore.acquire();
    counters.attempts += 1;
    const controller = new AbortController();
    const guard = createStallGuard(o.timeoutMs, controller);
    try {
      const res = await guard.run(() => fetchImpl(url, { signal: controller.signal, headers: { accept: 'image/webp,image/*;q=0.9' } }));
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw httpFailure(res.status, res.statusText, res.headers.get('retry-after'));
      }
      try {
        checkHeaders(res, o.maxBytes);
      } catch (error) {
        await res.body?.cancel().catch(() => undefined);
        throw error;
      }
      return await readBody(res, { bucket, maxBytes: o.maxBytes, guard, onBytes: (n) => (counters.bytes += n) });
    } catch (error) {
      throw fromThrown(error, guard.timedOut, o.timeoutMs);
    } finally {
      release();
    }
  }

  return {
    async fetch(url: string): Promise<Buffer> {
      const target = options.rewriteUrl ? options.rewriteUrl(url) : url;
      // fetch also reads data: and blob: URLs; an image URL from upstream data must be plain HTTP(S).
      if (!/^https?:\/\//i.test(target)) {
        counters.failed += 1;
        throw new ImageFetchError('http', 'not an http(s) URL', false);
      }
      for (let retry = 0; ; retry += 1) {
        try {
          const body = await attempt(target);
          counters.succeeded += 1;
          return body;
        } catch (thrown) {
          const error = thrown as ImageFetchError;
          if (!error.isRetryable || retry >= o.retries) {
            counters.failed += 1;
            throw error.afterAttempts(retry + 1);
          }
          counters.retries += 1;
          const delay = backoffDelay(retry, o.baseDelayMs, o.maxDelayMs, random);
          await sleep(Math.max(delay, Math.min(error.retryAfterMs ?? 0, o.maxDelayMs)));
        }
      }
    },
    counters: () => ({ ...counters, active: semaphore.active, peakActive: semaphore.peak }),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
