import { randomInt } from 'node:crypto';

/**
 * Signs in against the running server the way the sign-in form does (next-auth's credentials
 * callback with its CSRF token) and returns the session cookie (`name=value`), for integration
 * tests that need a real browser session without a browser. Each call comes from its own
 * documentation-range address, so the per-IP sign-in limit of one test cannot touch another's.
 */
export async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const ip = `198.51.100.${randomInt(1, 255)}`;
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { 'x-forwarded-for': ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf), 'x-forwarded-for': ip },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${base}/en/account` }),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
  return session.split(';')[0]!;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** GETs a page with the cookie, without following redirects: 200, or 30x to the sign-in page. */
export async function getPage(base: string, path: string, cookie: string): Promise<{ status: number; location: string | null; html: string }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}
