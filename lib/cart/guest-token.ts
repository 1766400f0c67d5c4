import { randomBytes } from 'node:crypto';

/** The guest cart's cookie: 32 hex characters naming `carts.guest_token`. */
export const GUEST_CART_COOKIE = 'ferry_cart';
export const GUEST_CART_MAX_AGE = 60 * 60 * 24 * 30;

const TOKEN = /^[0-9a-f]{32}$/;

export function isGuestToken(value: string | undefined | null): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

export function newGuestToken(): string {
  return randomBytes(16).toString('hex');
}
