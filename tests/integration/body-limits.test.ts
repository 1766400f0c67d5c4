import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { orders } from '@/db/schema/orders';
import { apiIdempotency } from '@/db/schema/partners';
import { webhookEvents } from '@/db/schema/payments';
import { bodyLimits } from '@/lib/http/read-body';
import { rawRequest } from '../support/raw-http';

// Runs against the production server that `npm test` starts (scripts/test.sh), on its database.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;
const THIRTY_MB = 30 * 1024 * 1024;

const routes: { path: string; headers: Record<string, string> }[] = [
  { path: '/api/webhooks/payments/sandbox', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } },
  { path: '/api/webhooks/1688', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { path: '/api/v1/orders', headers: { 'content-type': 'application/json', 'x-api-key': 'pk_none', 'x-timestamp': '0', 'x-nonce': 'nonce-nonce-nonce-1', 'x-signature': '00' } },
  { path: '/api/internal/revalidate', headers: { 'content-type': 'application/json', 'x-ferry-signature': '0'.repeat(64) } },
  { path: '/api/auth/callback/credentials', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
];

/** Rows that a body reaching a handler could have written: stored webhooks, orders, idempotency keys. */
async function storedRows(): Promise<number[]> {
  const db = databaseFor(dbUrl!);
  return Promise.all([webhookEvents, orders, apiIdempotency].map(async (table) => (await db.select({ n: count() }).from(table))[0]!.n));
}

afterAll(() => closeDatabases());

describe('request body caps (live server)', () => {
  it('needs the test server', () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  });

  it('refuses 30 MB with a true Content-Length with 413 payload_too_large, storing nothing', async () => {
    const before = await storedRows();
    for (const route of routes) {
      const res = await rawRequest(base!, { path: route.path, headers: route.headers, bodyBytes: THIRTY_MB, framing: 'content-length' });
      expect(res.status, route.path).toBe(413);
      expect(JSON.parse(res.body), route.path).toMatchObject({ error: { code: 'payload_too_large', message: expect.any(String) } });
    }
    expect(await storedRows()).toEqual(before);
  });

  it('stops a 30 MB chunked body (no Content-Length) at the cap with 413, storing nothing', async () => {
    const before = await storedRows();
    for (const route of routes) {
      const res = await rawRequest(base!, { path: route.path, headers: route.headers, bodyBytes: THIRTY_MB, framing: 'chunked' });
      expect(res.status, route.path).toBe(413);
      expect(JSON.parse(res.body).error.code, route.path).toBe('payload_too_large');
    }
    expect(await storedRows()).toEqual(before);
  });

  it('never hands a handler more than an understated Content-Length: the rest is refused by the HTTP parser, nothing stored', async () => {
    const before = await storedRows();
    for (const route of routes.slice(0, 2)) {
      const res = await rawRequest(base!, { path: route.path, headers: route.headers, bodyBytes: THIRTY_MB, framing: { contentLength: 1000 } });
      // The 1000 bytes fail verification (4xx); the bytes after them are a malformed next request, to
      // which Node answers 400 and closes — often resetting the socket before the answer is read (0).
      expect(res.status === 0 || (res.status >= 400 && res.status < 500), `${route.path}: ${res.status}`).toBe(true);
    }
    expect(await storedRows()).toEqual(before);
  });

  it('still reads a body just under a cap (the caps are not too tight)', async () => {
    const res = await rawRequest(base!, { path: routes[0]!.path, headers: routes[0]!.headers, bodyBytes: bodyLimits.paymentWebhook - 1, framing: 'chunked' });
    // Read in full, then refused for its signature, not its size.
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).not.toBe('payload_too_large');
    expect((await fetch(`${base}/api/internal/stats`)).status).toBe(200);
  });
});
