import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 1688's signatures, uppercase hex HMAC-SHA1 keyed with the app secret:
 * - API calls sign `urlPath` (`param2/1/{namespace}/{api}/{appKey}`, no leading slash) followed by
 *   every parameter but `_aop_signature` as key+value, keys sorted by UTF-16 code unit;
 * - message pushes sign the literal `message` followed by the message JSON, exactly as received.
 * The 1688 sandbox checks and signs with these same functions (both sides meet the published vector).
 */
export function signApiCall(urlPath: string, params: Readonly<Record<string, string>>, secret: string): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== '_aop_signature')
    .sort()
    .map((key) => key + params[key]);
  return hmacSha1Hex(secret, urlPath + pairs.join(''));
}

export function signPush(message: string, secret: string): string {
  return hmacSha1Hex(secret, `message${message}`);
}

/** Constant-time, case-insensitive comparison of two hex signatures. */
export function isSameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toUpperCase(), 'utf8');
  const b = Buffer.from(given.trim().toUpperCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time check of a push signature; 1688 sends it uppercase, we accept either case. */
export function isValidPushSignature(message: string, signature: string, secret: string): boolean {
  return isSameSignature(signPush(message, secret), signature);
}

function hmacSha1Hex(secret: string, text: string): string {
  return createHmac('sha1', secret).update(text, 'utf8').digest('hex').toUpperCase();
}
