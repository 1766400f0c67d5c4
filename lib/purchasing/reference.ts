import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O, U, like order numbers: read out on the phone to a seller.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `PO261121-7K3Q9X`: a purchase order's reference, sent upstream as its outside order id, so an
 * upstream order found after a lost answer can be matched to the purchase order that made it.
 */
export function newPurchaseReference(now: Date = new Date()): string {
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  let suffix = '';
  for (const byte of randomBytes(6)) suffix += ALPHABET[byte % 32];
  return `PO${day}-${suffix}`;
}

export const purchaseReferencePattern = /^PO\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;
