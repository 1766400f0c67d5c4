import 'server-only';
import { randomBytes } from 'node:crypto';
import { asc, and, eq, isNull } from 'drizzle-orm';
import { partnerKeys } from '@/db/schema/partners';
import type { Database } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { decryptSecret, encryptSecret } from './secret-box';

/** What a request handler may know about its caller: never the secret. */
export type Partner = { keyId: string; name: string; rateLimit: number };

export type PartnerKeySummary = Partner & {
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const MAX_RATE_LIMIT = 100_000;

/**
 * A new key: `pk_` + 96 random bits, and a 256-bit secret (base64url). The secret is returned once
 * and stored only encrypted (secret-box.ts), bound to its key id.
 */
export async function createPartnerKey(
  db: Database,
  input: { name: string; createdBy?: string | null; rateLimit?: number },
): Promise<{ keyId: string; secret: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 120) throw new AppError('validation_failed', 'Name must be 1–120 characters');
  const rateLimit = input.rateLimit ?? getEnv().API_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > MAX_RATE_LIMIT) {
    throw new AppError('validation_failed', `Rate limit must be a whole number from 1 to ${MAX_RATE_LIMIT}`);
  }
  const keyId = `pk_${randomBytes(12).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await db.insert(partnerKeys).values({
    id: keyId,
    name,
    secretCiphertext: encryptSecret(getEnv().FERRY_SECRET_KEY, secret, keyId),
    rateLimit,
    createdBy: input.createdBy ?? null,
  });
  return { keyId, secret };
}

/** The key and its decrypted secret, or null when unknown or revoked. */
export async function findActiveKey(db: Database, keyId: string): Promise<(Partner & { secret: string }) | null> {
  const [row] = await db
    .select({ id: partnerKeys.id, name: partnerKeys.name, rateLimit: partnerKeys.rateLimit, secretCiphertext: partnerKeys.secretCiphertext })
    .from(partnerKeys)
    .where(and(eq(partnerKeys.id, keyId), isNull(partnerKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  return {
    keyId: row.id,
    name: row.name,
    rateLimit: row.rateLimit,
    secret: decryptSecret(getEnv().FERRY_SECRET_KEY, row.secretCiphertext, row.id),
  };
}

/** True when the key was active and is now revoked; false when unknown or already revoked. */
export async function revokePartnerKey(db: Database, keyId: string): Promise<boolean> {
  const [result] = await db
    .update(partnerKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(partnerKeys.id, keyId), isNull(partnerKeys.revokedAt)));
  return result.affectedRows === 1;
}

export async function listPartnerKeys(db: Database): Promise<PartnerKeySummary[]> {
  const rows = await db
    .select({
      keyId: partnerKeys.id,
      name: partnerKeys.name,
      rateLimit: partnerKeys.rateLimit,
      createdBy: partnerKeys.createdBy,
      createdAt: partnerKeys.createdAt,
      lastUsedAt: partnerKeys.lastUsedAt,
      revokedAt: partnerKeys.revokedAt,
    })
    .from(partnerKeys)
    .orderBy(asc(partnerKeys.createdAt), asc(partnerKeys.id));
  return rows;
}

/** Records that a key was used, at most once a minute per key and process (a write per request would cost more than the request). */
const lastTouched = new Map<string, number>();
export function touchPartnerKey(db: Database, keyId: string, now = Date.now()): void {
  if ((lastTouched.get(keyId) ?? 0) > now - 60_000) return;
  lastTouched.set(keyId, now);
  db.update(partnerKeys)
    .set({ lastUsedAt: new Date(now) })
    .where(eq(partnerKeys.id, keyId))
    .catch((error: unknown) => console.warn(`[api] could not record use of ${keyId}: ${(error as Error).message}`));
}
