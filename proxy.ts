import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';
import { isSupportedCurrency, resolveCurrency } from '@/lib/money/locale-currency';
import { CURRENCY_COOKIE, LOCALE_COOKIE, nonShopSegments, PREFERENCE_MAX_AGE } from '@/lib/shop/preferences';

const negotiateLocale = createMiddleware(routing);

/**
 * Optimistic routing only (no authorization happens here):
 * - paths without a locale get one negotiated from the cookie or Accept-Language (next-intl);
 * - storefront paths are rewritten to include the shopper's currency (`/en/p/x` → `/en/EUR/p/x`),
 *   so every (locale, currency, page) is its own statically rendered, cacheable page while public
 *   URLs stay currency-free and canonical.
 */
export default function proxy(request: NextRequest) {
  const segments = request.nextUrl.pathname.split('/');
  const locale = segments[1];
  if (!isLocale(locale)) return negotiateLocale(request);
  const response = route(request, locale, segments);
  // Remember the language the shopper last used, for the next visit to `/`.
  if (request.cookies.get(LOCALE_COOKIE)?.value !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: PREFERENCE_MAX_AGE, sameSite: 'lax' });
  }
  return response;
}

function route(request: NextRequest, locale: string, segments: string[]): NextResponse {
  const second = segments[2] ?? '';
  if (nonShopSegments.has(second)) return NextResponse.next();

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
  // The same public URL renders per currency cookie: a CDN in front must key on `ferry_currency`
  // (Next sets its own Vary on pages, so this cannot be said with a header; see docs/architecture.md).
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ['/((?!api|_next|media|pay/|sitemaps|sitemap\\.xml|robots\\.txt|favicon\\.ico|.*\\.[a-z0-9]+$).*)'],
};
