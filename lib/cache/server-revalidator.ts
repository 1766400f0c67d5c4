import 'server-only';
import { getEnv } from '@/lib/env';
import { createRemoteRevalidator, type RemoteRevalidator } from './revalidate-remote';

const globalRevalidator = globalThis as unknown as { __ferryRevalidator?: RemoteRevalidator };

/**
 * The server's own revalidator for work that runs outside a request (background jobs, `after()`
 * callbacks, a sync started from the admin): `revalidateTag` there is not applied, so tags go
 * through the signed `/api/internal/revalidate` route of this same server, like the CLI's do.
 */
export function serverRevalidator(): RemoteRevalidator {
  if (!globalRevalidator.__ferryRevalidator) {
    const env = getEnv();
    globalRevalidator.__ferryRevalidator = createRemoteRevalidator({ siteUrl: env.SITE_URL, secretKey: env.FERRY_SECRET_KEY });
  }
  return globalRevalidator.__ferryRevalidator;
}
