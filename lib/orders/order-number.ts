import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing a shopper reads out on the phone can be confused.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `FR261121-7K3Q9X`: the day it was placed (UTC) and 30 random bits. */
export function newOrderNumber(now: Date = new Date()): string {
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  const bytes = randomBytes(6);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % 32];
  return `FR${day}-${suffix}`;
}

export const orderNumberPattern = /^FR\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;
