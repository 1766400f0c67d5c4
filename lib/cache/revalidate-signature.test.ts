import { describe, expect, it } from 'vitest';
import { isValidRevalidateSignature, revalidateBodySchema, signRevalidateBody } from './revalidate-signature';

const key = 'ferry-demo-secret-key-change-me-0000000000';

describe('revalidate signature', () => {
  it('accepts the signature of the exact body and nothing else', () => {
    const body = JSON.stringify({ tags: ['catalog:product:1'] });
    const signature = signRevalidateBody(key, body);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(isValidRevalidateSignature(key, body, signature)).toBe(true);
    expect(isValidRevalidateSignature(key, body.replace('1', '2'), signature)).toBe(false);
    expect(isValidRevalidateSignature(`${key}x`, body, signature)).toBe(false);
    expect(isValidRevalidateSignature(key, body, null)).toBe(false);
    expect(isValidRevalidateSignature(key, body, signature.toUpperCase())).toBe(false);
    expect(isValidRevalidateSignature(key, body, signature.slice(2))).toBe(false);
  });

  it('is not a plain HMAC with the secret key itself (the key is derived)', async () => {
    const { createHmac } = await import('node:crypto');
    const body = '{"tags":["a"]}';
    expect(signRevalidateBody(key, body)).not.toBe(createHmac('sha256', key).update(body).digest('hex'));
  });

  it('takes 1 to 1000 tags', () => {
    expect(revalidateBodySchema.safeParse({ tags: [] }).success).toBe(false);
    expect(revalidateBodySchema.safeParse({ tags: Array.from({ length: 1000 }, (_, i) => `t${i}`) }).success).toBe(true);
    expect(revalidateBodySchema.safeParse({ tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) }).success).toBe(false);
  });
});
