import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';
import { isSupportedCurrency, resolveCurrency } from '@/lib/money/locale-currency';
import { needsOwnDocument } from '@/lib/security/document-boundary';
import { pagePolicyFor } from '@/lib/security/page-policy';
import { listingViewSegment } from '@/lib/shop/listing-views';
import { CURRENCY_COOKIE, LOCALE_COOKIE, nonShopSegments, PREFERENCE_MAX_AGE } from '@/lib/shop/preferences';

const negotiateLocale = createMiddleware(routing);

/**
 * Optimistic routing only (no authorization happens here):
 * - paths without a locale get one negotiated from the cookie or Accept-Language (next-intl);
 * - storefront paths are rewritten to include the shopper's currency (`/en/p/x` → `/en/EUR/p/x`),
 *   so every (locale, currency, page) is its own statically rendered, cacheable page while public
 *   URLs stay currency-free and canonical; a category's or a search's query string becomes a path
 *   segment of its cached route (lib/shop/listing-views.ts), so listings are cached pages too;
 * - every page gets its Content-Security-Policy (lib/security): pages rendered per request a fresh
 *   nonce, which Next reads from the request's CSP header and puts on its scripts; cached pages the
 *   static policy, and a link from a storefront page into account, admin, cart or checkout loads a
 *   new document so that the page's own policy applies. The other security headers come from
 *   next.config.ts.
 */
export default function proxy(request: NextRequest) {
  const segments = request.nextUrl.pathname.split('/');
  const locale = segments[1];
  if (needsOwnDocument({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers })) {
    return new NextResponse(null, { status: 204, headers: { 'cache-control': 'private, no-store' } });
  }
  if (!isLocale(locale)) return withPolicy(negotiateLocale(request), pagePolicyFor(request.nextUrl.pathname).value);
  const view = listingViewSegment(segments, request.nextUrl.searchParams);
  const policy = pagePolicyFor(request.nextUrl.pathname, { isCachedView: view !== null });
  const requestHeaders = policy.nonce ? new Headers(request.headers) : undefined;
  requestHeaders?.set('content-security-policy', policy.value);
  // Pages rendered per request (account, admin, cart, checkout …) also learn their locale from the
  // request, as next-intl's own middleware would say it: setRequestLocale does not reach every part of
  // such a render (their not-found pages and server components that call useTranslations read English
  // without it). Prerendered pages never read headers and keep setRequestLocale.
  requestHeaders?.set('X-NEXT-INTL-LOCALE', locale);
  const response = route(request, locale, segments, view, requestHeaders);
  // Remember the language the shopper last used, for the next visit to `/`.
  if (request.cookies.get(LOCALE_COOKIE)?.value !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: PREFERENCE_MAX_AGE, sameSite: 'lax' });
  }
  return withPolicy(response, policy.value);
}

function withPolicy(response: NextResponse, policy: string): NextResponse {
  response.headers.set('content-security-policy', policy);
  return response;
}

/**
 * `view`: the listing view segment of a category or search URL, appended to the rewritten path.
 * `requestHeaders`: the request as the page should see it (with the nonce policy), when it changes.
 */
function route(request: NextRequest, locale: string, segments: string[], view: string | null, requestHeaders?: Headers): NextResponse {
  const forward = requestHeaders ? { request: { headers: requestHeaders } } : undefined;
  const second = segments[2] ?? '';
  if (nonShopSegments.has(second)) return NextResponse.next(forward);

  if (/^[A-Z]{3}$/.test(second)) {
    // A currency in a public URL (a shared link): remember it and land on the clean URL.
    const url = request.nextUrl.clone();
    url.pathname = ['', locale, ...segments.slice(3)].join('/').replace(/\/$/, '') || `/${locale}`;
    const response = NextResponse.redirect(url);
    if (isSupportedCurrency(second)) {
      response.cookies.set(CURRENCY_COOKIE, second, { path: '/', maxAge: PREFERENCE_MAX_AGE, sameSite: 'lax' });
    }
    return response;
  }

  const currency = resolveCurrency(request.cookies.get(CURRENCY_COOKIE)?.value, locale);
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}/${currency}${segments.length > 2 ? '/' + segments.slice(2).join('/') : ''}`.replace(/\/$/, '');
  if (view) url.pathname += `/${view}`;
  // The same public URL renders per currency cookie: a CDN in front must key on `ferry_currency`
  // (Next sets its own Vary on pages, so this cannot be said with a header; see docs/architecture.md).
  return NextResponse.rewrite(url, forward);
}

export const config = {
  matcher: ['/((?!api|_next|media|qc-photos/|warehouse-photos/|pay/|sitemaps|sitemap\\.xml|robots\\.txt|favicon\\.ico|.*\\.[a-z0-9]+$).*)'],
};
