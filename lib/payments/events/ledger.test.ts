import { describe, expect, it } from 'vitest';
import { foreignSourceReason } from './ledger';

describe('foreignSourceReason', () => {
  it('lets only the order’s own gateway touch it', () => {
    expect(foreignSourceReason({ gateway: 'stripe' }, 'stripe')).toBeNull();
    expect(foreignSourceReason({ gateway: 'stripe' }, 'sandbox')).toMatch(/sandbox gateway .* stripe/);
    expect(foreignSourceReason({ gateway: 'cod' }, 'sandbox')).toMatch(/pays through cod/);
  });
});
