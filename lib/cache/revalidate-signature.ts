import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/*
 * The internal revalidation call (`POST /api/internal/revalidate`): processes outside Next (the
 * CLI's sync and `stock set`) ask the server to expire cache tags. The request is signed with a key
 * derived from FERRY_SECRET_KEY — derived, so a signature can never double as anything the secret
 * key does elsewhere (it also encrypts partner secrets). The signature covers a timestamp and the
 * body, and the server accepts it for REVALIDATE_TOLERANCE_SECONDS either way: a captured request
 * cannot be replayed later.
 */

export const REVALIDATE_SIGNATURE_HEADER = 'x-ferry-signature';
export const REVALIDATE_TIMESTAMP_HEADER = 'x-ferry-timestamp';
export const REVALIDATE_TOLERANCE_SECONDS = 300;
export const MAX_REVALIDATE_TAGS = 1000;

export const revalidateBodySchema = z.object({
  tags: z.array(z.string().min(1).max(256)).min(1).max(MAX_REVALIDATE_TAGS),
});

function signingKey(secretKey: string): Buffer {
  return createHmac('sha256', secretKey).update('ferry:internal-revalidate:v2').digest();
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Lowercase hex HMAC-SHA256 of `timestamp + "." + body` (timestamp in unix seconds). */
export function signRevalidateBody(secretKey: string, body: string, timestamp: number): string {
  return createHmac('sha256', signingKey(secretKey)).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The two headers a revalidation request carries. */
export function revalidateHeaders(secretKey: string, body: string, timestamp = nowSeconds()): Record<string, string> {
  return { [REVALIDATE_TIMESTAMP_HEADER]: String(timestamp), [REVALIDATE_SIGNATURE_HEADER]: signRevalidateBody(secretKey, body, timestamp) };
}

/**
 * True when the timestamp is within ±REVALIDATE_TOLERANCE_SECONDS of `now` and the signature is the
 * one for that timestamp and body (constant-time comparison).
 */
export function isValidRevalidateSignature(
  secretKey: string,
  body: string,
  headers: { timestamp: string | null; signature: string | null },
  now = nowSeconds(),
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now - Number(timestamp)) > REVALIDATE_TOLERANCE_SECONDS) return false;
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signRevalidateBody(secretKey, body, Number(timestamp)), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
