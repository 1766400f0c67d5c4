import { describe, expect, it } from 'vitest';
import { accountPaths, safeCallbackPath } from './paths';

describe('safeCallbackPath', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackPath('/fr/account/addresses', 'fr')).toBe('/fr/account/addresses');
    expect(safeCallbackPath('/en/p/shoe?sku=3', 'en')).toBe('/en/p/shoe?sku=3');
    expect(safeCallbackPath(['/ja/account', '/x'], 'ja')).toBe('/ja/account');
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/ok\u0000', '', undefined, null])(
    'sends %s to the account home',
    (value) => {
      expect(safeCallbackPath(value, 'de')).toBe('/de/account');
    },
  );

  it('builds sign-in links that come back to the page', () => {
    expect(accountPaths.signIn('en', '/en/account/addresses')).toBe('/en/account/sign-in?callbackUrl=%2Fen%2Faccount%2Faddresses');
    expect(accountPaths.resetPassword('ko', 'a+b/c')).toBe('/ko/account/reset-password?token=a%2Bb%2Fc');
  });
});
