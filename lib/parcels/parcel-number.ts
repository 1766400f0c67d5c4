import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O, U, as order numbers use.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `P261121-7K3Q9XA2`: the day it was made (UTC) and 40 random bits. */
export function newParcelNumber(now: Date = new Date()): string {
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  let suffix = '';
  for (const byte of randomBytes(8)) suffix += ALPHABET[byte % 32];
  return `P${day}-${suffix}`;
}

export const parcelNumberPattern = /^P\d{6}-[0-9A-HJKMNP-TV-Z]{8}$/;
