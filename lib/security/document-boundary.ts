import { isSessionPage } from './page-policy-kind';

type PageRequest = { method: string; pathname: string; headers: Headers };

/**
 * A CSP belongs to a document, and Next's router shows the next page inside the same document (a
 * soft navigation): a page reached by a link from a cached storefront page would run under that
 * page's static policy ('unsafe-inline'), whatever its own response says. So the router's fetch of a
 * page that carries a session (account, admin, cart, checkout) from any other page is answered with
 * 204, which the router takes as "load this URL as a new document" (an answer that is not RSC, see
 * next/dist/client/components/router-reducer/fetch-server-response.js; a prefetch answered so is
 * just dropped), and the page arrives with its own nonce policy. A fetch from another session page
 * stays soft: a document showing a session page was loaded as one or entered from one, so it
 * already runs under the nonce policy.
 *
 * The router's fetches are told apart by `next-url` (the page it is on), which browsers never send
 * on a page load; Next hides its other RSC headers from the proxy.
 */
export function needsOwnDocument(request: PageRequest): boolean {
  if (request.method !== 'GET' || !isSessionPage(request.pathname)) return false;
  const from = request.headers.get('next-url');
  return from !== null && !isSessionPage(from);
}
