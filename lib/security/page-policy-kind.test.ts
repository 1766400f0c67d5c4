import { describe, expect, it } from 'vitest';
import { isSessionPage, pagePolicyKind } from './page-policy-kind';

describe('pagePolicyKind', () => {
  it('gives the nonce policy to the pages rendered per request', () => {
    for (const path of ['/en/account', '/en/account/sign-in', '/ar/admin/orders', '/en/cart', '/de/checkout', '/en/search', '/ja/shipping']) {
      expect(pagePolicyKind(path), path).toBe('nonce');
    }
  });

  it('gives the static policy to prerendered and ISR pages (a nonce there would block their scripts)', () => {
    for (const path of ['/en', '/en/', '/zh-CN/about', '/en/p/wallet-42', '/en/no-such-page', '/', '/en/cartoon', '/en/p/account', '/en/c/shoes']) {
      expect(pagePolicyKind(path), path).toBe('static');
    }
  });

  it('reads internal paths that carry the currency segment the proxy adds', () => {
    expect(pagePolicyKind('/en/USD/cart')).toBe('nonce');
    expect(pagePolicyKind('/en/EUR/p/wallet-42')).toBe('static');
    expect(pagePolicyKind('/en/USD')).toBe('static');
  });
});

describe('isSessionPage', () => {
  it('is account, admin, cart and checkout, in public or internal paths', () => {
    for (const path of ['/en/account/orders/F-1', '/en/admin', '/en/cart', '/en/USD/checkout']) expect(isSessionPage(path), path).toBe(true);
    for (const path of ['/en', '/en/search', '/en/c/shoes', '/en/USD/p/x', '/en/about', '/en/shipping']) expect(isSessionPage(path), path).toBe(false);
  });
});
