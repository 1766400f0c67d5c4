import { errorJson, errorText, publicError } from '@/lib/errors/http';
import { browserLocale } from '@/lib/i18n/browser-locale';
import { LOCALE_COOKIE } from '@/lib/shop/preferences';
import { payLinkProblem, payLinkProblemPath } from './pay-link-problem';

/** A person's browser opening the link (not a script or a monitor, which want the status). */
export function isBrowserNavigation(headers: Headers): boolean {
  return headers.get('sec-fetch-mode') === 'navigate' || (headers.get('accept') ?? '').includes('text/html');
}

/**
 * A pay link's failure as a browser should meet it: logged once (with a request id for a 500, as
 * errorJson does), then a redirect to the problem page in the payer's language — the order's, or
 * the browser's when the order was never found — never plain English text. Other clients keep the
 * plain answer with its status (503 and Retry-After while the database is away).
 */
export function payLinkFailure(request: Request, error: unknown, options: { where: string; siteUrl: string; locale?: string; retryPath?: string }): Response {
  if (!isBrowserNavigation(request.headers)) return errorText(error, options.where);
  const logged = errorJson(error, { where: options.where });
  const requestId = logged.headers.get('X-Request-Id') ?? undefined;
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(request.headers.get('cookie') ?? '')?.[1];
  const locale = options.locale ?? browserLocale(cookie && decodeURIComponent(cookie), request.headers.get('accept-language'));
  const path = payLinkProblemPath(locale, payLinkProblem(publicError(error)), { retryPath: options.retryPath, requestId });
  return new Response(null, { status: 303, headers: { Location: `${options.siteUrl.replace(/\/+$/, '')}${path}`, 'Cache-Control': 'no-store', 'X-Request-Id': requestId ?? '' } });
}
