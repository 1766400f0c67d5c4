import { describe, expect, it } from 'vitest';
import { pagePolicyKind } from './page-policy-kind';

describe('pagePolicyKind', () => {
  it('gives the nonce policy to the pages rendered per request', () => {
    for (const path of ['/en/account', '/en/account/sign-in', '/ar/admin/orders', '/en/cart', '/de/checkout', '/en/search', '/en/c/shoes']) {
      expect(pagePolicyKind(path), path).toBe('nonce');
    }
  });

  it('gives the static policy to prerendered and ISR pages (a nonce there would block their scripts)', () => {
    for (const path of ['/en', '/en/', '/zh-CN/about', '/en/p/wallet-42', '/en/no-such-page', '/', '/en/cartoon', '/en/p/account']) {
      expect(pagePolicyKind(path), path).toBe('static');
    }
  });

  it('reads internal paths that carry the currency segment the proxy adds', () => {
    expect(pagePolicyKind('/en/USD/cart')).toBe('nonce');
    expect(pagePolicyKind('/en/EUR/p/wallet-42')).toBe('static');
    expect(pagePolicyKind('/en/USD')).toBe('static');
  });
});
