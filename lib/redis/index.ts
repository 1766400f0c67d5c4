import 'server-only';
import { Redis } from '@upstash/redis';
import { getEnv } from '@/lib/env';

let client: Redis | undefined;

/**
 * The process-wide Redis client. Ferry reaches Redis only through the Upstash REST protocol (the
 * local bridge in development and tests, Upstash in production), so one URL switches both.
 * Auto-pipelining batches commands issued in the same tick into one HTTP round trip.
 */
export function getRedis(): Redis {
  if (!client) {
    const env = getEnv();
    client = new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, enableAutoPipelining: true });
  }
  return client;
}
