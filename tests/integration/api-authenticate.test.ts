import { randomBytes } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { authenticateRequest, NONCE_TTL_SECONDS } from '@/lib/api/authenticate';
import { createPartnerKey, listPartnerKeys, revokePartnerKey } from '@/lib/api/partner-keys';
import { sign } from '@/lib/api/signature';
import { AppError } from '@/lib/errors';
import { startBridge, type Bridge } from '@/sandboxes/upstash-bridge/bridge';
import { newNonce, type ApiCredentials } from '../support/api-client';
import { createTestDatabase } from '../support/test-database';

// authenticateRequest against a throwaway MariaDB database (partner keys stored encrypted) and the
// real Redis behind a private Upstash bridge, with the real @upstash/ratelimit.
const TOKEN = 'api-authenticate-test-token';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let bridge: Bridge;
let db: Database;
let redis: Redis;
/** A client whose Redis is gone: a closed port, failing fast. */
const deadRedis = new Redis({ url: 'http://127.0.0.1:9', token: TOKEN, enableTelemetry: false, retry: { retries: 0 } });
const createdKeys: string[] = [];

function clientFor(url: string): Redis {
  return new Redis({ url, token: TOKEN, enableTelemetry: false, retry: { retries: 0 } });
}

async function newKey(name: string, rateLimit = 100): Promise<ApiCredentials & { name: string }> {
  const key = await createPartnerKey(db, { name, rateLimit, createdBy: 'tests' });
  createdKeys.push(key.keyId);
  return { ...key, name };
}

/** Every Redis key the API has written for a partner key: nonces and rate-limit windows. */
const redisKeysOf = (keyId: string) => redis.keys(`ferry:api:*${keyId}*`);

beforeAll(async () => {
  database = await createTestDatabase('ferry_test_api_auth');
  db = database.db;
  bridge = await startBridge({ port: 0, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', token: TOKEN });
  redis = clientFor(bridge.url);
});

afterAll(async () => {
  for (const keyId of createdKeys) {
    const keys = await redisKeysOf(keyId);
    if (keys.length > 0) await redis.del(...keys);
  }
  await bridge?.close();
  await database?.drop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const nowMs = () => Math.floor(Date.now() / 1000) * 1000;

type RequestOptions = { method?: string; path?: string; body?: string; headers?: Record<string, string | null>; secret?: string; now?: number };

function signedRequest(key: ApiCredentials, opts: RequestOptions = {}) {
  const method = opts.method ?? 'GET';
  const path = opts.path ?? '/api/v1/products?q=cotton%20shirt&page=2';
  const body = opts.body ?? '';
  const nonce = opts.headers?.['X-Nonce'] ?? newNonce();
  const timestamp = opts.headers?.['X-Timestamp'] ?? String((opts.now ?? nowMs()) / 1000);
  const headers: Record<string, string | null> = {
    'X-Api-Key': key.keyId,
    'X-Timestamp': timestamp,
    'X-Nonce': nonce,
    'X-Signature': sign(opts.secret ?? key.secret, method, path, timestamp, nonce, body),
    ...opts.headers,
  };
  const init = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== null));
  return { request: new Request(`http://localhost:3100${path}`, { method, headers: init, body: body || undefined }), body, nonce };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Requests that must be turned away before any Redis call, with the status each deserves. */
async function unauthenticatedCases(key: ApiCredentials, now: number) {
  const revoked = await newKey('revoked partner');
  await revokePartnerKey(db, revoked.keyId);
  const unknown = { keyId: `pk_${randomBytes(12).toString('hex')}`, secret: key.secret };
  const seconds = now / 1000;
  const cases: { label: string; status: number; request: Request; body: string }[] = [];
  const add = (label: string, status: number, r: { request: Request; body: string }) => cases.push({ label, status, ...r });
  for (const name of ['X-Api-Key', 'X-Timestamp', 'X-Nonce', 'X-Signature']) add(`missing ${name}`, 401, signedRequest(key, { now, headers: { [name]: null } }));
  const malformed: Record<string, string>[] = [
    { 'X-Nonce': 'short' },
    { 'X-Nonce': 'has spaces in it 0000' },
    { 'X-Nonce': 'x'.repeat(65) },
    { 'X-Timestamp': '17e8' },
    { 'X-Timestamp': '-5' },
  ];
  for (const headers of malformed) add(`malformed ${JSON.stringify(headers)}`, 400, signedRequest(key, { now, headers }));
  add('stale timestamp', 401, signedRequest(key, { now, headers: { 'X-Timestamp': String(seconds - 301) } }));
  add('future timestamp', 401, signedRequest(key, { now, headers: { 'X-Timestamp': String(seconds + 301) } }));
  add('unknown key', 401, signedRequest(unknown, { now }));
  add('revoked key', 401, signedRequest(revoked, { now }));
  add('over-long key id', 401, signedRequest({ keyId: `pk_${'0'.repeat(60)}`, secret: key.secret }, { now }));
  add('wrong secret', 401, signedRequest(key, { now, secret: 'wrong-secret' }));
  add('tampered body', 401, { ...signedRequest(key, { now, method: 'POST', path: '/api/v1/orders', body: '{"items":[]}' }), body: '{"items":[1]}' });
  return { cases, revoked, unknown };
}

describe('authenticateRequest', () => {
  let partner: Awaited<ReturnType<typeof newKey>>;
  beforeAll(async () => {
    partner = await newKey('Acme');
  });

  it("accepts a signed GET with a query and a signed POST body, claims each nonce for 10 minutes, and records the key's use", async () => {
    const now = nowMs();
    const get = signedRequest(partner, { now });
    await expect(authenticateRequest({ db, redis }, get.request, get.body, now)).resolves.toEqual({ keyId: partner.keyId, name: 'Acme', rateLimit: 100 });
    const post = signedRequest(partner, { now, method: 'POST', path: '/api/v1/orders', body: '{"items":[]}' });
    await expect(authenticateRequest({ db, redis }, post.request, post.body, now)).resolves.toMatchObject({ keyId: partner.keyId });

    for (const nonce of [get.nonce, post.nonce]) {
      const nonceKey = `ferry:api:nonce:${partner.keyId}:${nonce}`;
      expect(await redis.get(nonceKey)).toBe(1);
      const ttl = await redis.ttl(nonceKey);
      expect(ttl).toBeGreaterThan(NONCE_TTL_SECONDS - 30);
      expect(ttl).toBeLessThanOrEqual(NONCE_TTL_SECONDS);
    }
    // touchPartnerKey does not block the request; the write lands shortly after.
    await vi.waitFor(async () => {
      const row = (await listPartnerKeys(db)).find((k) => k.keyId === partner.keyId);
      expect(row?.lastUsedAt?.getTime()).toBe(now);
    });
  });

  it('401s missing headers and 400s malformed ones', async () => {
    const { cases } = await unauthenticatedCases(partner, nowMs());
    for (const { label, status, request, body } of cases.filter((c) => c.label.startsWith('missing') || c.label.startsWith('malformed'))) {
      const error = await failure(authenticateRequest({ db, redis }, request, body, nowMs()));
      expect([label, error.status, error.code], label).toEqual([label, status, status === 400 ? 'bad_request' : 'unauthorized']);
    }
  });

  it('401s a stale or future timestamp, an unknown or revoked key and a bad signature, each with its own message', async () => {
    const now = nowMs();
    const { cases } = await unauthenticatedCases(partner, now);
    const messages = new Map<string, string>();
    for (const { label, request, body } of cases.filter((c) => !c.label.startsWith('missing') && !c.label.startsWith('malformed'))) {
      const error = await failure(authenticateRequest({ db, redis }, request, body, now));
      expect([label, error.status, error.code]).toEqual([label, 401, 'unauthorized']);
      messages.set(label, error.message);
    }
    expect(messages.get('stale timestamp')).toMatch(/^Stale timestamp/);
    expect(messages.get('future timestamp')).toMatch(/^Stale timestamp/);
    for (const label of ['unknown key', 'revoked key', 'over-long key id']) expect(messages.get(label)).toMatch(/^Unknown or revoked API key/);
    for (const label of ['wrong secret', 'tampered body']) expect(messages.get(label)).toMatch(/^Invalid signature/);

    // Exactly 300 seconds either side is still fresh.
    for (const offset of [-300, 300]) {
      const edge = signedRequest(partner, { now, headers: { 'X-Timestamp': String(now / 1000 + offset) } });
      await expect(authenticateRequest({ db, redis }, edge.request, edge.body, now)).resolves.toMatchObject({ keyId: partner.keyId });
    }
  });

  it('lets nothing unauthenticated reach Redis', async () => {
    const quiet = await newKey('quiet partner');
    const now = nowMs();
    const { cases, revoked, unknown } = await unauthenticatedCases(quiet, now);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const client of [redis, deadRedis]) {
      for (const { label, status, request, body } of cases) {
        const error = await failure(authenticateRequest({ db, redis: client }, request, body, now));
        expect([label, error.status]).toEqual([label, status]); // a Redis call on the dead client would be a 503
      }
    }
    expect(logged).not.toHaveBeenCalled();
    for (const keyId of [quiet.keyId, revoked.keyId, unknown.keyId]) expect(await redisKeysOf(keyId)).toEqual([]);
  });

  it('signs the path exactly as sent: a different query is a bad signature', async () => {
    const now = nowMs();
    const { request, body } = signedRequest(partner, { now, path: '/api/v1/products?page=2' });
    const moved = new Request('http://localhost:3100/api/v1/products?page=3', { headers: request.headers });
    expect((await failure(authenticateRequest({ db, redis }, moved, body, now))).message).toMatch(/^Invalid signature/);
  });

  it("401s a replayed nonce, per key: another partner may use the same nonce", async () => {
    const now = nowMs();
    const first = signedRequest(partner, { now });
    await authenticateRequest({ db, redis }, first.request, first.body, now);
    const again = signedRequest(partner, { now, headers: { 'X-Nonce': first.nonce } });
    const error = await failure(authenticateRequest({ db, redis }, again.request, again.body, now));
    expect([error.status, error.code, error.message]).toEqual([401, 'unauthorized', expect.stringMatching(/^Replayed nonce/)]);

    const other = await newKey('other partner');
    const elsewhere = signedRequest(other, { now, headers: { 'X-Nonce': first.nonce } });
    await expect(authenticateRequest({ db, redis }, elsewhere.request, elsewhere.body, now)).resolves.toMatchObject({ keyId: other.keyId });
  });

  it('answers 503 instead of skipping the replay check when Redis is unreachable or absent', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const client of [deadRedis, null]) {
      const now = nowMs();
      const { request, body } = signedRequest(partner, { now });
      const error = await failure(authenticateRequest({ db, redis: client }, request, body, now));
      expect([error.status, error.code]).toEqual([503, 'unavailable']);
    }
    expect(logged).toHaveBeenCalledTimes(2);
    expect(logged.mock.calls.every(([line]) => String(line).startsWith('[api] replay check unavailable'))).toBe(true);
  });

  it("429s past the key's own limit, with a Retry-After, counted in Redis and per key", async () => {
    // The sliding window weighs the previous minute by how much of it is left: near a minute's end
    // a burst could straddle two windows and slip under the limit, so start in a fresh one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));

    const limited = await newKey('limited partner', 3);
    const neighbour = await newKey('neighbour partner', 3);
    for (let i = 0; i < 3; i++) {
      const now = nowMs();
      const { request, body } = signedRequest(limited, { now });
      await expect(authenticateRequest({ db, redis }, request, body, now)).resolves.toMatchObject({ rateLimit: 3 });
    }
    const now = nowMs();
    const over = signedRequest(limited, { now });
    const error = await failure(authenticateRequest({ db, redis }, over.request, over.body, now));
    expect([error.status, error.code]).toEqual([429, 'rate_limited']);
    expect(error.message).toMatch(/3 requests per minute/);
    expect(error.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.details?.retryAfterSeconds).toBeLessThanOrEqual(60);

    // The count lives in Redis, not in this process: a fresh client (and limiter) still says no.
    const fresh = clientFor(bridge.url);
    const fromFresh = signedRequest(limited, { now });
    expect((await failure(authenticateRequest({ db, redis: fresh }, fromFresh.request, fromFresh.body, now))).code).toBe('rate_limited');
    expect((await redisKeysOf(limited.keyId)).some((k) => k.startsWith(`ferry:api:rl:${limited.keyId}:`))).toBe(true);

    const next = signedRequest(neighbour, { now });
    await expect(authenticateRequest({ db, redis }, next.request, next.body, now)).resolves.toMatchObject({ keyId: neighbour.keyId });
  });
});
