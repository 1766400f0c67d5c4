import { describe, expect, it } from 'vitest';
import { needsOwnDocument } from './document-boundary';

const routerFetch = (pathname: string, from: string, method = 'GET') => ({ method, pathname, headers: new Headers({ 'next-url': from }) });

describe('needsOwnDocument', () => {
  it('sends the router from a storefront page into a session page through a new document', () => {
    expect(needsOwnDocument(routerFetch('/en/cart', '/en/USD/p/wallet-42'))).toBe(true);
    expect(needsOwnDocument(routerFetch('/en/account', '/en/USD'))).toBe(true);
    // Search and categories render per request, but a document that began as a cached page may be showing them.
    expect(needsOwnDocument(routerFetch('/en/checkout', '/en/USD/search'))).toBe(true);
  });

  it('keeps the router between session pages (that document already runs the nonce policy)', () => {
    expect(needsOwnDocument(routerFetch('/en/checkout', '/en/USD/cart'))).toBe(false);
    expect(needsOwnDocument(routerFetch('/en/account/orders', '/en/account'))).toBe(false);
    expect(needsOwnDocument(routerFetch('/en/admin/orders', '/en/admin/sync'))).toBe(false);
  });

  it('leaves alone page loads, server actions and fetches of other pages', () => {
    expect(needsOwnDocument({ method: 'GET', pathname: '/en/cart', headers: new Headers({ 'sec-fetch-dest': 'document' }) })).toBe(false);
    expect(needsOwnDocument(routerFetch('/en/cart', '/en/USD', 'POST'))).toBe(false);
    expect(needsOwnDocument(routerFetch('/en/p/wallet-42', '/en/USD'))).toBe(false);
    expect(needsOwnDocument(routerFetch('/en/c/shoes', '/en/USD'))).toBe(false);
  });
});
