import { describe, expect, it } from 'vitest';
import { pagePolicyFor } from './page-policy';

describe('pagePolicyFor', () => {
  it('gives a page rendered per request its own nonce, named in the policy', () => {
    const [first, second] = [pagePolicyFor('/en/account'), pagePolicyFor('/en/account')];
    expect(first.nonce).toBeTruthy();
    expect(first.value).toContain(`'nonce-${first.nonce}'`);
    expect(second.nonce).not.toBe(first.nonce);
  });

  it('gives cached pages the one static policy, without a nonce', () => {
    const home = pagePolicyFor('/en');
    expect(home.nonce).toBeUndefined();
    expect(home.value).toContain("script-src 'self' 'unsafe-inline'");
    expect(pagePolicyFor('/en/p/wallet-42')).toEqual(home);
  });
});
