/**
 * The browser names the page's origin on every POST; it must be the host this request came to. The
 * session cookie rides along on any POST to us, so upload routes (which are not server actions and get
 * no built-in origin check) take only our own pages' requests.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
