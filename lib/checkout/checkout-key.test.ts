import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkoutKey, CHECKOUT_KEY_MAX } from './checkout-key';

const alice = { type: 'user', userId: 7, email: 'alice@example.com' } as const;
const bob = { type: 'user', userId: 8, email: 'bob@example.com' } as const;
const partner = { type: 'partner', partnerKeyId: 'pk_live_abc' } as const;

describe('checkoutKey', () => {
  it('puts the same token of two owners in two namespaces', () => {
    const token = '8f14e45f-ceea-467f-a0e6-0b9c1d1f1e2a';
    expect(checkoutKey(alice, token)).toBe(`user:7:${token}`);
    expect(checkoutKey(bob, token)).toBe(`user:8:${token}`);
    expect(checkoutKey(partner, token)).toBe(`api:pk_live_abc:${token}`);
    expect(new Set([alice, bob, partner].map((c) => checkoutKey(c, token))).size).toBe(3);
  });

  it('cannot be steered into another owner\'s namespace by the token itself', () => {
    // Bob submits a token that spells Alice's key: it stays inside Bob's namespace.
    expect(checkoutKey(bob, 'user:7:x')).toBe('user:8:user:7:x');
    expect(checkoutKey(alice, 'x')).not.toBe(checkoutKey(bob, 'user:7:x'));
  });

  it('keeps the partner form orders were stored under before (api:<key>:<Idempotency-Key>, hashed when too long)', () => {
    const idempotencyKey = 'k'.repeat(100);
    const key = checkoutKey(partner, idempotencyKey);
    expect(key.length).toBeLessThanOrEqual(CHECKOUT_KEY_MAX);
    const hash = createHash('sha256').update(idempotencyKey).digest('hex');
    expect(key).toBe(`api:pk_live_abc:~${hash.slice(0, CHECKOUT_KEY_MAX - 'pk_live_abc'.length - 6)}`);
    expect(checkoutKey(partner, 'order-42')).toBe('api:pk_live_abc:order-42');
  });
});
