import { randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';

/**
 * Signs in against the running server the way the sign-in form does (next-auth's credentials
 * callback with its CSRF token) and returns the session cookie (`name=value`), for integration
 * tests that need a real browser session without a browser. Each call connects from its own
 * loopback address (127.x.y.z): the server counts sign-ins per socket address, so the per-IP limit
 * of one test cannot touch another's (a forged X-Forwarded-For would not be believed).
 */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const from = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const csrf = await loopback(base, '/api/auth/csrf', from);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${base}/en/account` }).toString();
  const response = await loopback(base, '/api/auth/callback/credentials', from, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookies.map((c) => c.split(';')[0]).join('; ') },
    body,
  });
  const session = response.cookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return session.split(';')[0]!;
}

/** One HTTP request from the given local address (fetch cannot choose it without undici's Agent). */
function loopback(base: string, path: string, localAddress: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, base);
  return new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? 'GET', headers: { host: url.host, ...init.headers }, localAddress },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [], text }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** GETs a page with the cookie, without following redirects: 200, or 30x to the sign-in page. */
export async function getPage(base: string, path: string, cookie: string): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}
