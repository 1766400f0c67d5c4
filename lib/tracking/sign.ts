import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * 17TRACK's webhook signature: header `sign` = lowercase hex SHA-256 of `rawBody + "/" + key`,
 * where the key is the account's API key (the `17token`). A plain hash, not an HMAC. The
 * tracking sandbox signs with this same function, so both sides meet the one scheme.
 */
export function signTrackingWebhook(rawBody: string, key: string): string {
  return createHash('sha256').update(`${rawBody}/${key}`, 'utf8').digest('hex');
}

/** Constant-time check of a `sign` header against the body exactly as received. */
export function isValidTrackingSign(rawBody: string, sign: string | null | undefined, key: string): boolean {
  if (typeof sign !== 'string' || !/^[0-9a-f]{64}$/.test(sign)) return false;
  const expected = Buffer.from(signTrackingWebhook(rawBody, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(sign, 'hex'));
}
