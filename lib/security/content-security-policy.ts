/**
 * Ferry's Content-Security-Policy values. Pure (no env, no Next): proxy.ts builds the page policies
 * per request and next.config.ts the policy of everything else.
 *
 * Two page policies, because Next 16 can only put a nonce on the scripts of a page it renders for
 * this request (it reads the nonce from the request's CSP header), never on a prerendered or ISR page:
 * - `nonce`: pages rendered per request (account, admin, cart, checkout, search, categories; see
 *   page-policy-kind.ts) run only scripts carrying this request's nonce, and what those load
 *   ('strict-dynamic'); an injected inline script or event handler does not run.
 * - `static`: prerendered and ISR pages (home, product, about) are served from the cache, identical
 *   for everyone, so they cannot carry a nonce; their inline `self.__next_f.push(…)` RSC payload and
 *   Turbopack bootstrap differ per page and build, so no hash list can name them either
 *   (`experimental.sri` only covers script files: vercel/next.js#95354). They keep 'unsafe-inline'
 *   for scripts and everything else as strict as on the nonce pages: no script from another
 *   origin, no fetch, image or form target elsewhere, no plugins, no <base>, no framing.
 * Styles keep 'unsafe-inline' on both: React renders `style` attributes, which a nonce cannot cover.
 */

export type PagePolicyKind = 'nonce' | 'static';

export type PagePolicyOptions = {
  /** The public site is https (SITE_URL): ask the browser to upgrade any http:// subresource. */
  isHttps: boolean;
  /** Origins a form may submit to besides our own (the payment gateway's pay page: checkout redirects there). */
  formTargets: readonly string[];
};

type Directives = Record<string, readonly string[]>;

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => (sources.length ? `${name} ${sources.join(' ')}` : name))
    .join('; ');
}

/** The policy of an HTML page; `nonce` only for pages rendered for this request. */
export function pageContentSecurityPolicy(options: PagePolicyOptions & { nonce?: string }): string {
  const scripts = options.nonce ? ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  return serialize({
    'default-src': ["'self'"],
    'script-src': scripts,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...options.formTargets],
    'frame-ancestors': ["'none'"],
    ...(options.isHttps ? { 'upgrade-insecure-requests': [] } : {}),
  });
}

/**
 * Everything that is not a page (route handlers' JSON, media, sitemaps, the pay link's redirects,
 * static files): nothing may run, load or frame it. An HTML error page Next renders there stays inert.
 */
export const resourceContentSecurityPolicy = serialize({
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
});

/** A fresh nonce: 128 random bits, base64 (the form Next's nonce parser accepts). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
