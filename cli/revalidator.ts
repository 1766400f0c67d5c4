import { createRemoteRevalidator, type RemoteRevalidator } from '@/lib/cache/revalidate-remote';
import { serverOrigin } from '@/lib/cache/running-server';
import type { Env } from '@/lib/env';

/**
 * The CLI's client of the running server's cache revalidation, at the origin that server uses
 * (SITE_URL, else http://localhost:$PORT, else the demo running from this checkout). Best effort:
 * a server that does not answer is said once on stderr.
 */
export function cliRevalidator(env: Env): RemoteRevalidator {
  return createRemoteRevalidator({ siteUrl: serverOrigin({ env }), secretKey: env.FERRY_SECRET_KEY, warn: (line) => process.stderr.write(`${line}\n`) });
}
