import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 1688's two signatures, as the gateway checks them and as it signs its message pushes:
 * uppercase hex HMAC-SHA1 keyed with the app secret over
 * - an API call: `urlPath` (`param2/1/{namespace}/{api}/{appKey}`, no leading slash) followed by
 *   every other parameter as key+value, keys sorted by UTF-16 code unit (what Java's sort does);
 * - a push: the literal `message` followed by the message JSON.
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
  const b = Buffer.from(given.toUpperCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function hmacSha1Hex(secret: string, text: string): string {
  return createHmac('sha1', secret).update(text, 'utf8').digest('hex').toUpperCase();
}
