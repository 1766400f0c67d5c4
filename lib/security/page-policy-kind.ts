import type { PagePolicyKind } from './content-security-policy';

/**
 * First segments after the locale whose pages Next renders for each request, so their scripts can
 * carry this request's nonce: account and admin (force-dynamic layouts), cart and checkout
 * (force-dynamic pages), the search page for an empty box or a pasted link (search words go to
 * its cached route, which the proxy knows: page-policy.ts), the shipping estimator (its GET form
 * is answered per request) and the public tracking pages (read per request). Everything else (home, product,
 * categories, about, the 404) is prerendered or ISR and must get the static policy: a nonce policy
 * on a cached page would block its scripts (tests/e2e/security-headers.spec.ts loads every kind in
 * Chromium).
 */
const perRequestSegments: ReadonlySet<string> = new Set(['account', 'admin', 'cart', 'checkout', 'search', 'shipping', 'track']);

/** Of those, the pages that show the signed-in shopper's or staff's data: sessions, addresses, orders, payments. */
const sessionSegments: ReadonlySet<string> = new Set(['account', 'admin', 'cart', 'checkout']);

/** The page's first segment after the locale, in a public path (`/en/cart`) or an internal one (`/en/USD/cart`). */
function pageSegment(pathname: string): string {
  const [, , second = '', third = ''] = pathname.split('/');
  return /^[A-Z]{3}$/.test(second) ? third : second;
}

/** The policy kind of a page path (`/{locale}/…`). */
export function pagePolicyKind(pathname: string): PagePolicyKind {
  return perRequestSegments.has(pageSegment(pathname)) ? 'nonce' : 'static';
}

export function isSessionPage(pathname: string): boolean {
  return sessionSegments.has(pageSegment(pathname));
}
