import { accountPaths } from '@/lib/auth/paths';
import type { AppError } from '@/lib/errors';

/** What went wrong behind a pay link, in the words the problem page has a message for. */
export type PayLinkProblem = 'unavailable' | 'not_found' | 'internal';

export function payLinkProblem(known: AppError | null): PayLinkProblem {
  if (!known) return 'internal';
  if (known.status === 404) return 'not_found';
  return known.status === 503 || known.status === 429 ? 'unavailable' : 'internal';
}

/**
 * The styled page in the payer's language a failed pay link sends the browser to (a route handler
 * cannot render the app's pages): the problem, the link to try again, and the request id of a 500.
 */
export function payLinkProblemPath(locale: string, problem: PayLinkProblem, extra: { retryPath?: string; requestId?: string } = {}): string {
  const query = new URLSearchParams({ problem });
  if (extra.retryPath && problem === 'unavailable') query.set('retry', extra.retryPath);
  if (extra.requestId && problem === 'internal') query.set('ref', extra.requestId);
  return `${accountPaths.home(locale)}/payment-problem?${query}`;
}

/** A `retry` parameter is followed only when it is one of Ferry's own pay links (open-redirect guard). */
export function safeRetryPath(value: string | string[] | undefined): string | null {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && /^\/pay\/[A-Za-z0-9._~%-]+\/[A-Za-z0-9._~%-]+$/.test(candidate) ? candidate : null;
}
