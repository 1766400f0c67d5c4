import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Partner secrets at rest: AES-256-GCM under a key derived from FERRY_SECRET_KEY with HKDF-SHA256
 * (the variable's text is the input keying material, whatever its encoding). The box is
 * `v1.<iv>.<ciphertext>.<tag>` in base64url; the version names both the cipher and the derivation,
 * so a later scheme can be added beside it and old rows still open. The associated data (the key id)
 * binds a box to its row: a ciphertext copied onto another key does not decrypt.
 */

const VERSION = 'v1';
const derived = new Map<string, Buffer>();

function keyFor(masterKey: string): Buffer {
  let key = derived.get(masterKey);
  if (!key) {
    if (masterKey.length < 32) throw new Error('FERRY_SECRET_KEY must be at least 32 characters');
    key = Buffer.from(hkdfSync('sha256', Buffer.from(masterKey, 'utf8'), Buffer.alloc(0), 'ferry/partner-secret/v1', 32));
    derived.set(masterKey, key);
  }
  return key;
}

export function encryptSecret(masterKey: string, plaintext: string, associatedData = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(masterKey), iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** Throws on an unknown version, a malformed box, a wrong key or associated data, or any tampering. */
export function decryptSecret(masterKey: string, box: string, associatedData = ''): string {
  const parts = box.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('Unsupported secret box format');
  const [, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== 12 || tag.length !== 16) throw new Error('Malformed secret box');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(masterKey), iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
}
