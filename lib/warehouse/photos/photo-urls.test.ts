import { describe, expect, it } from 'vitest';
import { signedPhotoUrl, verifyPhotoUrl } from './photo-urls';

const secret = 'a-secret-key-of-at-least-32-characters!!';
const key = '0123456789abcdef0123456789abcdef';
const now = new Date('2026-12-07T10:15:00Z');

function parts(url: string) {
  const u = new URL(url, 'http://x');
  const [, , k, size] = u.pathname.split('/');
  return { key: k!, size: size!, expires: u.searchParams.get('e'), signature: u.searchParams.get('s') };
}

describe('signed QC photo URLs', () => {
  it('verify while fresh, for the same key and size only', () => {
    const url = signedPhotoUrl(secret, key, '1600', now);
    expect(url).toMatch(/^\/qc-photos\/0123456789abcdef0123456789abcdef\/1600\?e=\d+&s=[\w-]+$/);
    expect(verifyPhotoUrl(secret, parts(url), now)).toBe(true);
    expect(verifyPhotoUrl(secret, { ...parts(url), size: 'original' }, now)).toBe(false);
    expect(verifyPhotoUrl(secret, { ...parts(url), key: key.replace('0', '1') }, now)).toBe(false);
    expect(verifyPhotoUrl('another-secret-key-of-32-characters-long', parts(url), now)).toBe(false);
  });

  it('expire, and a moved expiry breaks the signature', () => {
    const url = signedPhotoUrl(secret, key, '400', now);
    const p = parts(url);
    expect(verifyPhotoUrl(secret, p, new Date(Number(p.expires) * 1000 + 1))).toBe(false);
    expect(verifyPhotoUrl(secret, { ...p, expires: String(Number(p.expires) + 3600) }, now)).toBe(false);
  });

  it('are stable within the hour so pages keep their browser cache', () => {
    expect(signedPhotoUrl(secret, key, '400', now)).toBe(signedPhotoUrl(secret, key, '400', new Date(now.getTime() + 20 * 60_000)));
  });

  it('refuse malformed parts', () => {
    const p = parts(signedPhotoUrl(secret, key, '400', now));
    for (const bad of [{ key: '../etc' }, { size: '800' }, { expires: null }, { expires: '1e9' }, { signature: null }, { signature: 'x' }]) {
      expect(verifyPhotoUrl(secret, { ...p, ...bad }, now)).toBe(false);
    }
  });
});
