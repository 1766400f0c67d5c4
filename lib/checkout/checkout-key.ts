import { createHash } from 'node:crypto';
import type { Customer } from './types';

/** orders.checkout_token's length. */
export const CHECKOUT_KEY_MAX = 100;

/**
 * What an order's double-submit guard is keyed by (orders.checkout_token, unique, and the Redis
 * hold): the submitted token inside its owner's namespace, `user:<id>:<token>` or
 * `api:<keyId>:<token>`. So the unique index allows one order per owner and token, and a token
 * someone else submits can never find, return or block another owner's order. A key too long for
 * the column ends in the token's hash instead (partner Idempotency-Keys may be 100 characters).
 * The partner form is the one orders were stored under before owners were part of the key, so a
 * partner's retry across an upgrade still finds its order.
 */
export function checkoutKey(customer: Customer, token: string): string {
  const owner = customer.type === 'user' ? `user:${customer.userId}:` : `api:${customer.partnerKeyId}:`;
  const key = `${owner}${token}`;
  if (key.length <= CHECKOUT_KEY_MAX) return key;
  return `${owner}~${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, CHECKOUT_KEY_MAX - owner.length - 1)}`;
}
