import 'server-only';
import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import type { Database } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { findActiveKey, touchPartnerKey, type Partner } from './partner-keys';
import { verifySignature } from './signature';

export type ApiDeps = { db: Database; redis: Redis | null };

export const TIMESTAMP_TOLERANCE_SECONDS = 300;
export const NONCE_TTL_SECONDS = 600;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const HEADERS = ['X-Api-Key', 'X-Timestamp', 'X-Nonce', 'X-Signature'] as const;

/**
 * Who is calling, checked in this order (PRODUCT.md, "Open API signing"): headers present (401)
 * and well-formed (400); timestamp within ±300 s; key known and not revoked; signature over
 * METHOD, the path and query exactly as sent, timestamp, nonce and the body's SHA-256; nonce not
 * seen for this key in 10 minutes; then the key's rate limit. Cheap checks come first so a
 * forged request costs no Redis write. Replay protection never degrades: without Redis the API
 * answers 503 rather than accept a request it cannot prove fresh.
 */
export async function authenticateRequest(deps: ApiDeps, request: Request, rawBody: string, nowMs = Date.now()): Promise<Partner> {
  const values = HEADERS.map((name) => request.headers.get(name));
  const missing = HEADERS.filter((_, i) => !values[i]);
  if (missing.length > 0) throw new AppError('unauthorized', `Missing signature header(s): ${missing.join(', ')}`);
  const [keyId, timestamp, nonce, signature] = values as [string, string, string, string];

  if (!TIMESTAMP_PATTERN.test(timestamp)) throw new AppError('bad_request', 'X-Timestamp must be an integer number of Unix seconds');
  if (!NONCE_PATTERN.test(nonce)) throw new AppError('bad_request', 'X-Nonce must be 16–64 characters of A–Z, a–z, 0–9, "_" or "-"');

  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    throw new AppError('unauthorized', `Stale timestamp: X-Timestamp must be within ${TIMESTAMP_TOLERANCE_SECONDS} seconds of the server's clock`);
  }

  const key = keyId.length <= 40 ? await findActiveKey(deps.db, keyId) : null;
  if (!key) throw new AppError('unauthorized', 'Unknown or revoked API key');

  const url = new URL(request.url);
  if (!verifySignature(key.secret, signature, request.method, url.pathname + url.search, timestamp, nonce, rawBody)) {
    throw new AppError('unauthorized', 'Invalid signature');
  }

  await claimNonce(deps.redis, key.keyId, nonce);
  await enforceRateLimit(deps.redis, key.keyId, key.rateLimit);
  touchPartnerKey(deps.db, key.keyId, nowMs);
  return { keyId: key.keyId, name: key.name, rateLimit: key.rateLimit };
}

async function claimNonce(redis: Redis | null, keyId: string, nonce: string): Promise<void> {
  let claimed: unknown;
  try {
    if (!redis) throw new Error('no Redis client');
    claimed = await redis.set(`ferry:api:nonce:${keyId}:${nonce}`, 1, { nx: true, ex: NONCE_TTL_SECONDS });
  } catch (error) {
    console.error(`[api] replay check unavailable: ${(error as Error).message}`);
    throw new AppError('unavailable', 'Replay protection is temporarily unavailable; retry shortly');
  }
  if (claimed === null) throw new AppError('unauthorized', 'Replayed nonce: X-Nonce was already used in the last 10 minutes');
}

// One limiter per (client, limit): @upstash/ratelimit fixes the limit per instance. Instances live
// for the process so their ephemeral cache can turn away an exhausted key without a round trip.
const limiters = new WeakMap<Redis, Map<number, Ratelimit>>();

function limiterFor(redis: Redis, perMinute: number): Ratelimit {
  let byLimit = limiters.get(redis);
  if (!byLimit) limiters.set(redis, (byLimit = new Map()));
  let limiter = byLimit.get(perMinute);
  if (!limiter) {
    limiter = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(perMinute, '1 m'), prefix: 'ferry:api:rl', analytics: false });
    byLimit.set(perMinute, limiter);
  }
  return limiter;
}

async function enforceRateLimit(redis: Redis | null, keyId: string, keyLimit: number | null): Promise<void> {
  const perMinute = keyLimit && keyLimit > 0 ? keyLimit : getEnv().API_RATE_LIMIT_PER_MINUTE;
  let result: { success: boolean; reset: number };
  try {
    if (!redis) throw new Error('no Redis client');
    result = await limiterFor(redis, perMinute).limit(keyId);
  } catch (error) {
    console.error(`[api] rate limiter unavailable: ${(error as Error).message}`);
    throw new AppError('unavailable', 'Rate limiting is temporarily unavailable; retry shortly');
  }
  if (!result.success) {
    const retryAfterSeconds = Math.max(1, Math.ceil((result.reset - Date.now()) / 1000));
    throw new AppError('rate_limited', `Rate limit of ${perMinute} requests per minute exceeded`, { retryAfterSeconds });
  }
}
