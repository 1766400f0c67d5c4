import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './secret-box';

const master = 'test-master-key-0123456789-abcdefghijklmnop';
const secret = 'mW3kq9Zr0bq8yZ6c1sQn4rP2tV7xA5dE9fG0hJ1kL2m';

function flip(text: string, index: number): string {
  const bytes = Buffer.from(text, 'base64url');
  bytes[index % bytes.length]! ^= 0x01;
  return bytes.toString('base64url');
}

describe('secret box', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = encryptSecret(master, secret, 'pk_1');
    expect(box.startsWith('v1.')).toBe(true);
    expect(box).not.toContain(secret);
    expect(box.length).toBeLessThanOrEqual(255); // partner_keys.secret_ciphertext
    expect(decryptSecret(master, box, 'pk_1')).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret(master, secret, 'pk_1')).not.toBe(encryptSecret(master, secret, 'pk_1'));
  });

  it('throws when the ciphertext, IV or tag is tampered with', () => {
    const [v, iv, ct, tag] = encryptSecret(master, secret, 'pk_1').split('.') as [string, string, string, string];
    expect(() => decryptSecret(master, [v, iv, flip(ct, 3), tag].join('.'), 'pk_1')).toThrow();
    expect(() => decryptSecret(master, [v, flip(iv, 0), ct, tag].join('.'), 'pk_1')).toThrow();
    expect(() => decryptSecret(master, [v, iv, ct, flip(tag, 5)].join('.'), 'pk_1')).toThrow();
  });

  it('throws under another master key or for another key id', () => {
    const box = encryptSecret(master, secret, 'pk_1');
    expect(() => decryptSecret(`${master}x`, box, 'pk_1')).toThrow();
    expect(() => decryptSecret(master, box, 'pk_2')).toThrow();
  });

  it('rejects unknown versions and malformed boxes', () => {
    const box = encryptSecret(master, secret, 'pk_1');
    expect(() => decryptSecret(master, box.replace(/^v1\./, 'v2.'), 'pk_1')).toThrow(/format/);
    expect(() => decryptSecret(master, 'v1.abc', 'pk_1')).toThrow(/format/);
    expect(() => decryptSecret(master, secret, 'pk_1')).toThrow();
  });

  it('refuses a short master key', () => {
    expect(() => encryptSecret('short', secret)).toThrow(/32/);
  });
});
