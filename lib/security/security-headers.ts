import { resourceContentSecurityPolicy } from './content-security-policy';

export type Header = { key: string; value: string };

/** Whether an origin (SITE_URL) is served over https; anything unparsable counts as not. */
export function isHttpsOrigin(url: string | undefined): boolean {
  try {
    return new URL(url ?? '').protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The headers every response carries (next.config.ts `headers()`, so route handlers, media and
 * static files get them without passing through proxy.ts). The CSP here is the locked-down one for
 * non-pages; proxy.ts replaces it on pages with the page policy (a proxy header wins over a config
 * header of the same name). Keys are lower case so both land on the same header.
 *
 * HSTS is sent when SITE_URL is https — the operator's statement that the site is served over
 * https, read at build like the prerendered pages' canonical URLs (README) — and not from the
 * request's X-Forwarded-Proto, which any client can set unless the proxy in front overwrites it. A
 * browser ignores HSTS received over plain http (RFC 6797 §8.1), so an https SITE_URL reached over
 * http pins nothing, and an http SITE_URL (the demo, tests) never pins localhost. No
 * includeSubDomains: a Ferry host does not speak for its parent domain's other hosts.
 */
export function securityHeaders(options: { isHttps: boolean }): Header[] {
  return [
    { key: 'content-security-policy', value: resourceContentSecurityPolicy },
    { key: 'x-frame-options', value: 'DENY' },
    { key: 'x-content-type-options', value: 'nosniff' },
    { key: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
    // The camera stays open to our own pages: the warehouse screen will photograph parcels.
    { key: 'permissions-policy', value: 'camera=(self), microphone=(), geolocation=()' },
    { key: 'cross-origin-opener-policy', value: 'same-origin' },
    ...(options.isHttps ? [{ key: 'strict-transport-security', value: 'max-age=31536000' }] : []),
  ];
}
