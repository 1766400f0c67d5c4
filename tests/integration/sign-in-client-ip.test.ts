import { request } from 'node:http';
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';

// Runs against the production server that `npm test` starts (scripts/test.sh, via scripts/serve.mjs
// with TRUSTED_PROXY_HOPS unset: Ferry faces its clients directly).
const base = process.env.FERRY_TEST_BASE_URL;

/** A loopback source address of its own (all of 127/8 is this machine): a client no other test shares. */
const loopbackClient = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;
const spoofed = () => `203.0.113.${randomInt(1, 255)}`;

function send(localAddress: string, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string) {
  const url = new URL(path, base);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method, headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One credentials sign-in through next-auth's own endpoints (CSRF token, then the callback), as the browser does it. Returns next-auth's error code. */
async function signIn(localAddress: string, email: string, extraHeaders: Record<string, string>): Promise<string | null> {
  const csrf = await send(localAddress, 'GET', '/api/auth/csrf', extraHeaders);
  const cookie = ([] as string[]).concat(csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams({ csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken, email, password: 'not-the-password', json: 'true' });
  const res = await send(localAddress, 'POST', '/api/auth/callback/credentials', { ...extraHeaders, cookie, 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
  return new URL((JSON.parse(res.body) as { url: string }).url).searchParams.get('error');
}

describe('sign-in limit per real client (live server)', () => {
  it('needs the test server', () => {
    expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  });

  it('limits 30 attempts from one socket address to 20, whatever X-Forwarded-For each one claims; another client is unaffected', async () => {
    const client = loopbackClient();
    const run = Date.now().toString(36);
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 30; i++) {
      // A fresh forged address in every header a naive server might believe, and a fresh email (the per-email limit is 5).
      const forged = spoofed();
      outcomes.push(await signIn(client, `spray-${run}-${i}@example.com`, { 'x-forwarded-for': forged, 'x-real-ip': forged, 'x-ferry-client-ip': forged }));
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill('CredentialsSignin'));
    expect(outcomes.slice(20)).toEqual(Array(10).fill('RateLimited'));

    // Another machine sending the very same forged header is counted on its own: no shared bucket.
    expect(await signIn(loopbackClient(), `other-${run}@example.com`, { 'x-forwarded-for': '203.0.113.1' })).toBe('CredentialsSignin');
  });
});
