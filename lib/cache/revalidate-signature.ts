import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/*
 * The internal revalidation call (`POST /api/internal/revalidate`): processes outside Next (the
 * CLI's sync and `stock set`) ask the server to expire cache tags. The body is signed with a key
 * derived from FERRY_SECRET_KEY — derived, so a signature can never double as anything the secret
 * key does elsewhere (it also encrypts partner secrets).
 */

export const REVALIDATE_SIGNATURE_HEADER = 'x-ferry-signature';
export const MAX_REVALIDATE_TAGS = 1000;

export const revalidateBodySchema = z.object({
  tags: z.array(z.string().min(1).max(256)).min(1).max(MAX_REVALIDATE_TAGS),
});

function signingKey(secretKey: string): Buffer {
  return createHmac('sha256', secretKey).update('ferry:internal-revalidate:v1').digest();
}

/** Lowercase hex HMAC-SHA256 of the raw body. */
export function signRevalidateBody(secretKey: string, body: string): string {
  return createHmac('sha256', signingKey(secretKey)).update(body, 'utf8').digest('hex');
}

/** Constant-time check of the header against the body it came with. */
export function isValidRevalidateSignature(secretKey: string, body: string, signature: string | null): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signRevalidateBody(secretKey, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
