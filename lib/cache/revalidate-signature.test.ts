import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isValidRevalidateSignature,
  REVALIDATE_SIGNATURE_HEADER,
  REVALIDATE_TIMESTAMP_HEADER,
  revalidateBodySchema,
  revalidateHeaders,
  signRevalidateBody,
} from './revalidate-signature';

const key = 'ferry-demo-secret-key-change-me-0000000000';
const now = 1_767_000_000;
const body = JSON.stringify({ tags: ['catalog:product:1'] });
const check = (b: string, timestamp: string | null, signature: string | null, at = now) => isValidRevalidateSignature(key, b, { timestamp, signature }, at);

describe('revalidate signature', () => {
  it('accepts the signature of the exact timestamp and body, and nothing else', () => {
    const signature = signRevalidateBody(key, body, now);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(check(body, String(now), signature)).toBe(true);
    expect(check(body.replace('1', '2'), String(now), signature)).toBe(false);
    expect(check(body, String(now + 1), signature)).toBe(false);
    expect(isValidRevalidateSignature(`${key}x`, body, { timestamp: String(now), signature }, now)).toBe(false);
    expect(check(body, String(now), null)).toBe(false);
    expect(check(body, null, signature)).toBe(false);
    expect(check(body, String(now), signature.toUpperCase())).toBe(false);
    expect(check(body, String(now), signature.slice(2))).toBe(false);
    expect(check(body, `${now}.5`, signature)).toBe(false);
  });

  it('accepts a request signed up to 300 s before or after now, and refuses an older replay', () => {
    for (const skew of [-300, -1, 0, 299, 300]) {
      const at = now + skew;
      expect(check(body, String(at), signRevalidateBody(key, body, at)), `skew ${skew}`).toBe(true);
    }
    for (const skew of [-301, 301, -86_400]) {
      const at = now + skew;
      expect(check(body, String(at), signRevalidateBody(key, body, at)), `skew ${skew}`).toBe(false);
    }
    // The very same request, heard again ten minutes later.
    const captured = revalidateHeaders(key, body, now);
    expect(check(body, captured[REVALIDATE_TIMESTAMP_HEADER]!, captured[REVALIDATE_SIGNATURE_HEADER]!, now + 600)).toBe(false);
  });

  it('no longer takes a signature of the body alone (the format before timestamps)', () => {
    const derived = createHmac('sha256', key).update('ferry:internal-revalidate:v1').digest();
    const bodyOnly = createHmac('sha256', derived).update(body).digest('hex');
    expect(check(body, String(now), bodyOnly)).toBe(false);
  });

  it('is not a plain HMAC with the secret key itself (the key is derived)', () => {
    expect(signRevalidateBody(key, body, now)).not.toBe(createHmac('sha256', key).update(`${now}.${body}`).digest('hex'));
  });

  it('signs with the current time by default', () => {
    const headers = revalidateHeaders(key, body);
    expect(Math.abs(Number(headers[REVALIDATE_TIMESTAMP_HEADER]) - Date.now() / 1000)).toBeLessThan(5);
    expect(isValidRevalidateSignature(key, body, { timestamp: headers[REVALIDATE_TIMESTAMP_HEADER]!, signature: headers[REVALIDATE_SIGNATURE_HEADER]! })).toBe(true);
  });

  it('takes 1 to 1000 tags', () => {
    expect(revalidateBodySchema.safeParse({ tags: [] }).success).toBe(false);
    expect(revalidateBodySchema.safeParse({ tags: Array.from({ length: 1000 }, (_, i) => `t${i}`) }).success).toBe(true);
    expect(revalidateBodySchema.safeParse({ tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) }).success).toBe(false);
  });
});
