import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema/accounts';
import type { Database } from '@/lib/db';

/**
 * A session is good while the version its JWT carries equals the user's `session_version`. Tokens
 * issued before the claim existed carry none and count as version 0, so they stay good until the
 * first reset or "sign out everywhere"; anything that is not a non-negative integer never matches.
 */
export function isCurrentSession(tokenVersion: unknown, currentVersion: number): boolean {
  const version = tokenVersion === undefined ? 0 : tokenVersion;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 && version === currentVersion;
}

/**
 * Ends every session of the user (this browser's included): their JWTs keep the old version and are
 * refused from the next request on. Runs inside the caller's transaction when given one (password reset).
 */
export async function endAllSessions(db: Pick<Database, 'update'>, userId: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
