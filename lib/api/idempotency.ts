import 'server-only';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { apiIdempotency } from '@/db/schema/partners';
import type { Database } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError } from '@/lib/errors';
import { sha256Hex } from './signature';

/**
 * `Idempotency-Key` on POST (PRODUCT.md, "Open API signing"): the first request under a key claims
 * it with a placeholder row; its response (success or a 4xx) is stored and replayed to every later
 * request with the same body; another body under the key is a 422, and a request arriving while
 * the first still runs is a 409. A 5xx releases the key so the client may retry. A placeholder
 * left behind by a crashed process may be taken over after STALE_AFTER_MS: the work behind it
 * (an order) is itself idempotent on the key, so running it again returns the same result.
 *
 * A claim is its placeholder's `created_at` (millisecond precision): a release deletes only the
 * placeholder it claimed, never one that another request took over since.
 */

export const STALE_AFTER_MS = 120_000;
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAY_HEADER = 'Idempotent-Replayed';

export type StoredResponse = { status: number; body: string };
export type IdempotencyClaim = { kind: 'claimed'; claimedAt: Date } | ({ kind: 'replay' } & StoredResponse);

/** The header's value, or null without one; 400 when it is empty or longer than 100 characters. */
export function readIdempotencyKey(request: Request): string | null {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  if (value.length < 1 || value.length > 100) throw new AppError('bad_request', 'Idempotency-Key must be 1–100 characters');
  return value;
}

/** Binds a key to the endpoint as well as the body, so one key reused on another path is a mismatch too. */
export function requestHash(method: string, pathWithQuery: string, rawBody: string): string {
  return sha256Hex(`${method.toUpperCase()} ${pathWithQuery}\n${rawBody}`);
}

export async function claimIdempotencyKey(
  db: Database,
  partnerKeyId: string,
  key: string,
  hash: string,
  now = new Date(),
): Promise<IdempotencyClaim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.insert(apiIdempotency).values({ partnerKeyId, key, requestHash: hash, createdAt: now });
      return { kind: 'claimed', claimedAt: now };
    } catch (error) {
      // The database went away while the insert ran: it may have committed with its answer lost.
      // That placeholder would answer "in progress" to every retry until it went stale, so it is
      // released (once the database is back) like the placeholder of a request that failed.
      if (isDatabaseUnavailable(error)) await releaseIdempotencyKey(db, partnerKeyId, key, now).catch(() => undefined);
      if (!isDuplicateKeyError(error)) throw error;
    }
    const [row] = await db.select().from(apiIdempotency).where(byKey(partnerKeyId, key)).limit(1);
    if (!row) continue; // released by a failed first request between our insert and select: claim again
    // The column's collation ignores case and trailing spaces; keys are compared exactly here.
    if (row.key !== key || row.requestHash !== hash) {
      throw new AppError('idempotency_mismatch', 'This Idempotency-Key was already used with a different request');
    }
    if (row.responseStatus !== null && row.responseBody !== null) return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
    if (row.createdAt.getTime() < now.getTime() - STALE_AFTER_MS && (await takeOver(db, partnerKeyId, key, row.createdAt, now))) {
      return { kind: 'claimed', claimedAt: now };
    }
    throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
  }
  throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly');
}

export async function completeIdempotencyKey(db: Database, partnerKeyId: string, key: string, response: StoredResponse): Promise<void> {
  await db
    .update(apiIdempotency)
    .set({ responseStatus: response.status, responseBody: response.body })
    .where(and(byKey(partnerKeyId, key), isNull(apiIdempotency.responseStatus)));
}

/** How long a release that met a database outage keeps being tried in the background. */
export const RELEASE_RETRY_MS = 60_000;
const RELEASE_RETRY_EVERY_MS = 1_000;

/**
 * Frees the placeholder claimed at `claimedAt` after a 5xx so the client may retry the key. When
 * the database is away (the usual reason for the 5xx) the release is tried again every second in
 * the background, for up to RELEASE_RETRY_MS: a partner retrying the 503 with the same key gets its
 * answer as soon as the database is back, not a 409 "in progress" until the placeholder goes stale.
 * Rejects only when the first try failed for another reason.
 */
export async function releaseIdempotencyKey(db: Database, partnerKeyId: string, key: string, claimedAt: Date): Promise<void> {
  const release = () =>
    db.delete(apiIdempotency).where(and(byKey(partnerKeyId, key), isNull(apiIdempotency.responseStatus), eq(apiIdempotency.createdAt, claimedAt)));
  try {
    await release();
    return;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
  }
  void (async () => {
    for (const deadline = Date.now() + RELEASE_RETRY_MS; Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, RELEASE_RETRY_EVERY_MS));
      try {
        await release();
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) break;
      }
    }
    console.error(`[api] idempotency key of ${partnerKeyId} not released; it is taken over once stale`);
  })();
}

function byKey(partnerKeyId: string, key: string) {
  return and(eq(apiIdempotency.partnerKeyId, partnerKeyId), eq(apiIdempotency.key, key));
}

async function takeOver(db: Database, partnerKeyId: string, key: string, seen: Date, now: Date): Promise<boolean> {
  const [result] = await db
    .update(apiIdempotency)
    .set({ createdAt: now })
    .where(and(byKey(partnerKeyId, key), isNull(apiIdempotency.responseStatus), eq(apiIdempotency.createdAt, seen), lt(apiIdempotency.createdAt, now)));
  return result.affectedRows === 1;
}

/** MySQL/MariaDB duplicate key, whether drizzle wrapped the driver error or not. */
function isDuplicateKeyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === 'ER_DUP_ENTRY' || (e as { errno?: unknown }).errno === 1062) return true;
  }
  return false;
}
