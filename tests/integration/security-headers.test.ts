import { randomUUID } from 'node:crypto';
import { asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor } from '@/db/client';
import { categories, products } from '@/db/schema/catalog';
import { computeCacheBustingSearchParam } from 'next/dist/shared/lib/router/utils/cache-busting-search-param';
import { createUser } from '@/lib/auth/create-user';

// Runs against the production server that `npm test` starts (scripts/test.sh), over plain http
// (SITE_URL http://localhost:<port>), on the seeded test database.
const base = process.env.FERRY_TEST_BASE_URL;
const dbUrl = process.env.DATABASE_URL;

const fixedHeaders = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
};

type Kind = 'nonce' | 'static' | 'resource';
type PageCase = { name: string; path: string; kind: Kind; status: number; signedIn?: boolean };

let staffCookie = '';
let productPath = '';
let categoryPath = '';

/** Signs in through next-auth's credentials endpoint, as the browser form does; returns the Cookie header. */
async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).filter((c) => c.includes('session-token'));
  expect(session, 'a session cookie after signing in').toHaveLength(1);
  return [...cookies, ...session].join('; ');
}

async function get(path: string, options: { signedIn?: boolean; headers?: Record<string, string> } = {}) {
  return fetch(`${base}${path}`, { redirect: 'manual', headers: { ...(options.signedIn ? { cookie: staffCookie } : {}), ...options.headers } });
}

function scriptSources(csp: string): string[] {
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))?.split(' ').slice(1) ?? [];
}

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  const db = databaseFor(dbUrl!);
  const [product] = await db.select({ slug: products.slug }).from(products).where(eq(products.isActive, 1)).orderBy(asc(products.id)).limit(1);
  const [category] = await db.select({ slug: categories.slug }).from(categories).where(isNull(categories.parentId)).orderBy(asc(categories.id)).limit(1);
  productPath = `/en/p/${product!.slug}`;
  categoryPath = `/en/c/${category!.slug}`;
  // A staff account of this file's own: sign-ins are limited per email, and the e2e suite signs the shared admin in often.
  const email = `headers-${randomUUID()}@ferry.test`;
  await createUser(db, { email, password: 'headers-test-staff', role: 'admin' });
  staffCookie = await signIn(email, 'headers-test-staff');
});

afterAll(() => closeDatabases());

describe('security headers on every page type (live server)', () => {
  const cases = (): PageCase[] => [
    { name: 'home', path: '/en', kind: 'static', status: 200 },
    { name: 'about', path: '/en/about', kind: 'static', status: 200 },
    { name: 'product', path: productPath, kind: 'static', status: 200 },
    { name: 'category', path: categoryPath, kind: 'static', status: 200 },
    { name: 'filtered category', path: `${categoryPath}?sort=price-asc&page=2`, kind: 'static', status: 200 },
    { name: 'search', path: '/en/search?q=dress', kind: 'static', status: 200 },
    { name: 'search for a pasted link', path: `/en/search?q=${encodeURIComponent('https://example.com/x')}`, kind: 'nonce', status: 200 },
    { name: 'empty search', path: '/en/search', kind: 'nonce', status: 200 },
    { name: 'cart', path: '/en/cart', kind: 'nonce', status: 200 },
    { name: 'checkout', path: '/en/checkout', kind: 'nonce', status: 200, signedIn: true },
    { name: 'sign-in', path: '/en/account/sign-in', kind: 'nonce', status: 200 },
    { name: 'account', path: '/en/account', kind: 'nonce', status: 200, signedIn: true },
    { name: 'admin board', path: '/en/admin/orders', kind: 'nonce', status: 200, signedIn: true },
    { name: '404 page', path: '/en/no-such-page/at-all', kind: 'static', status: 404 },
    { name: 'locale redirect', path: '/', kind: 'static', status: 307 },
    { name: 'API route', path: '/api/cart/summary', kind: 'resource', status: 200 },
    { name: 'open API error', path: '/api/v1/products', kind: 'resource', status: 401 },
    { name: 'media 404', path: '/media/00/none-200.webp', kind: 'resource', status: 404 },
    { name: 'robots.txt', path: '/robots.txt', kind: 'resource', status: 200 },
  ];

  it('sends the fixed headers, one policy of the right kind, and no HSTS over http', async () => {
    for (const page of cases()) {
      const res = await get(page.path, { signedIn: page.signedIn });
      expect(res.status, `${page.name} ${page.path}`).toBe(page.status);
      for (const [name, value] of Object.entries(fixedHeaders)) expect(res.headers.get(name), `${page.name}: ${name}`).toBe(value);
      expect(res.headers.get('strict-transport-security'), `${page.name}: HSTS`).toBeNull();
      const csp = res.headers.get('content-security-policy') ?? '';
      // Two policies would arrive joined by a comma (and both would be enforced).
      expect(csp.split(',').length, `${page.name}: one policy`).toBe(1);
      expect(csp, `${page.name}: frame-ancestors`).toContain("frame-ancestors 'none'");
      if (page.kind === 'resource') {
        expect(csp, page.name).toMatch(/^default-src 'none'/);
        continue;
      }
      expect(csp, page.name).toContain("object-src 'none'");
      expect(csp, page.name).toContain("base-uri 'self'");
      expect(csp, page.name).toMatch(/form-action 'self'/);
      const sources = scriptSources(csp);
      if (page.kind === 'nonce') {
        expect(sources, page.name).toEqual(expect.arrayContaining(["'strict-dynamic'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/)]));
        expect(sources, page.name).not.toContain("'unsafe-inline'");
      } else {
        expect(sources, page.name).toEqual(["'self'", "'unsafe-inline'"]);
      }
    }
  });

  it('puts the request’s fresh nonce on every script of a page rendered per request', async () => {
    for (const page of cases().filter((c) => c.kind === 'nonce')) {
      const [first, second] = [await get(page.path, { signedIn: page.signedIn }), await get(page.path, { signedIn: page.signedIn })];
      const nonce = /'nonce-([^']+)'/.exec(first.headers.get('content-security-policy')!)![1]!;
      expect(second.headers.get('content-security-policy'), `${page.name}: a new nonce each time`).not.toContain(nonce);
      const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes('application/ld+json'));
      expect(scripts.length, page.name).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${page.name}: ${tag}`).toContain(`nonce="${nonce}"`);
      await second.arrayBuffer();
    }
  });

  it('keeps storefront pages cached: the static policy needs no per-request render', async () => {
    await (await get(productPath)).arrayBuffer();
    const product = await get(productPath);
    expect(product.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(await product.text()).not.toContain(' nonce="');
    const home = await get('/en');
    expect(home.headers.get('x-nextjs-cache')).toBe('HIT');
    await home.arrayBuffer();
  });
});

describe('a session page gets its own document (live server)', () => {
  /** What Next's router sends for a client-side navigation (`_rsc` must match the router headers, or Next redirects). */
  async function navigate(path: string, headers: { 'next-url': string; 'next-router-prefetch'?: '1' }, signedIn = false) {
    const rsc = await computeCacheBustingSearchParam(headers['next-router-prefetch'], undefined, undefined, headers['next-url']);
    return get(`${path}${path.includes('?') ? '&' : '?'}_rsc=${rsc}`, { signedIn, headers: { rsc: '1', ...headers } });
  }

  it('answers a soft navigation from a storefront page with 204, which makes the router load a new document', async () => {
    for (const from of ['/en/USD', `/en/USD${productPath.slice(3)}`, '/en/USD/search']) {
      const res = await navigate('/en/cart', { 'next-url': from });
      expect(res.status, `from ${from}`).toBe(204);
      expect(res.headers.get('content-type')).toBeNull();
    }
  });

  it('keeps navigations between session pages, and into storefront pages, client-side', async () => {
    for (const [path, from] of [
      ['/en/account', '/en/USD/cart'],
      [productPath, '/en/USD/cart'],
      [categoryPath, '/en/USD'],
    ] as const) {
      const res = await navigate(path, { 'next-url': from }, true);
      expect(res.status, `${path} from ${from}`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/x-component/);
      await res.arrayBuffer();
    }
  });
});
