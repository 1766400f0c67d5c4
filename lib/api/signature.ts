import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The open API's request signature (PRODUCT.md, "Open API signing"):
 * lowercase hex HMAC-SHA256(secret, METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nhex(SHA256(body))).
 * Pure functions, shared by the server and the signing client used in tests and benchmarks.
 */

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

export function canonicalString(method: string, pathWithQuery: string, timestamp: string | number, nonce: string, body: string): string {
  return [method.toUpperCase(), pathWithQuery, String(timestamp), nonce, sha256Hex(body)].join('\n');
}

export function sign(
  secret: string,
  method: string,
  pathWithQuery: string,
  timestamp: string | number,
  nonce: string,
  body: string,
): string {
  return createHmac('sha256', secret).update(canonicalString(method, pathWithQuery, timestamp, nonce, body), 'utf8').digest('hex');
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Constant-time comparison of the sent signature with the expected one; anything but 64 lowercase hex digits fails. */
export function verifySignature(
  secret: string,
  signature: string,
  method: string,
  pathWithQuery: string,
  timestamp: string | number,
  nonce: string,
  body: string,
): boolean {
  if (!HEX_SHA256.test(signature)) return false;
  const expected = Buffer.from(sign(secret, method, pathWithQuery, timestamp, nonce, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
