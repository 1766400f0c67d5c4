import 'server-only';
import { Redis } from '@upstash/redis';
import { getEnv } from '@/lib/env';

let client: Redis | undefined;

/**
 * The process-wide Redis client. Ferry reaches Redis only through the Upstash REST protocol (the
 * local bridge in development and tests, Upstash in production), so one URL switches both.
 * Auto-pipelining batches commands issued in the same tick into one HTTP round trip.
 * Retries are short and each request times out after 2 s: callers that can do without Redis
 * (checkout falls back to the database guard) must learn quickly that it is gone, not after the
 * client's default five exponential retries.
 */
export function getRedis(): Redis {
  if (!client) {
    const env = getEnv();
    client = new Redis({
      url: env.UPSTASH_REDIS_REST_URL,
      token: env.UPSTASH_REDIS_REST_TOKEN,
      enableAutoPipelining: true,
      enableTelemetry: false,
      retry: { retries: 1, backoff: () => 50 },
      signal: () => AbortSignal.timeout(2000),
    });
  }
  return client;
}
