import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * QC photos are private: a browser reads one only through a URL signed for it, which expires.
 * Pages and the open API hand such URLs only to whoever may see the item (the shopper who owns the
 * order, staff, the partner that placed it); the /qc-photos route serves a URL whose signature and
 * expiry hold, and nothing else. The signing key is derived from FERRY_SECRET_KEY (HKDF, its own
 * label), so a photo signature can never stand for anything else that secret signs.
 *
 * `original` is the full-size photo as kept (EXIF removed); `1600` and `400` are the WebP sizes.
 */
export const photoSizes = ['400', '1600', 'original'] as const;
export type PhotoSize = (typeof photoSizes)[number];

export const photoKeyPattern = /^[0-9a-f]{32}$/;

/** How long a signed photo URL is good for: long enough to read a page, short enough that a leaked link dies. */
export const photoUrlTtlSeconds = 6 * 3600;

function signingKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), 'ferry/qc-photo-url/v1', 32));
}

function signature(secretKey: string, key: string, size: PhotoSize, expires: number): string {
  return createHmac('sha256', signingKey(secretKey)).update(`${key}.${size}.${expires}`).digest('base64url');
}

/**
 * `/qc-photos/<key>/<size>?e=<unix seconds>&s=<signature>`. Expiry is rounded up to the hour so a
 * page rendered twice within the hour carries the same URLs (the browser's cache keeps working).
 */
export function signedPhotoUrl(secretKey: string, key: string, size: PhotoSize, now: Date = new Date()): string {
  const expires = Math.ceil((now.getTime() / 1000 + photoUrlTtlSeconds) / 3600) * 3600;
  return `/qc-photos/${key}/${size}?e=${expires}&s=${signature(secretKey, key, size, expires)}`;
}

/** True when the URL's parts were signed by us and have not expired. */
export function verifyPhotoUrl(secretKey: string, parts: { key: string; size: string; expires: string | null; signature: string | null }, now: Date = new Date()): parts is { key: string; size: PhotoSize; expires: string; signature: string } {
  if (!photoKeyPattern.test(parts.key) || !(photoSizes as readonly string[]).includes(parts.size)) return false;
  if (!parts.expires || !/^\d{1,12}$/.test(parts.expires) || !parts.signature) return false;
  const expires = Number(parts.expires);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(secretKey, parts.key, parts.size as PhotoSize, expires));
  const given = Buffer.from(parts.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
