import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from '@/proxy';

function call(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
}
const rewrittenTo = (res: Response) => {
  const target = res.headers.get('x-middleware-rewrite');
  return target ? new URL(target).pathname : null;
};

describe('proxy', () => {
  it('rewrites storefront paths to the currency of the cookie, or the locale default', () => {
    expect(rewrittenTo(call('/en/p/dress-1'))).toBe('/en/USD/p/dress-1');
    expect(rewrittenTo(call('/ja'))).toBe('/ja/JPY');
    expect(rewrittenTo(call('/ar/c/shoes'))).toBe('/ar/AED/c/shoes');
    expect(rewrittenTo(call('/de/p/dress-1', { cookie: 'ferry_currency=GBP' }))).toBe('/de/GBP/p/dress-1');
    expect(rewrittenTo(call('/de/p/dress-1', { cookie: 'ferry_currency=XXX' }))).toBe('/de/EUR/p/dress-1');
  });

  it('turns a currency in a public URL into a cookie and a redirect to the clean URL', () => {
    const res = call('/en/JPY/p/dress-1');
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/en/p/dress-1');
    expect(res.headers.get('set-cookie')).toMatch(/ferry_currency=JPY/);
    const home = call('/fr/KRW');
    expect(new URL(home.headers.get('location')!).pathname).toBe('/fr');
    expect(call('/en/ZZZ/p/x').headers.get('set-cookie') ?? '').not.toMatch(/ferry_currency/);
  });

  it('negotiates a locale for paths without one', () => {
    const res = call('/', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' });
    expect(new URL(res.headers.get('location')!).pathname).toBe('/ko');
    expect(new URL(call('/p/dress-1', { 'accept-language': 'fr' }).headers.get('location')!).pathname).toBe('/fr/p/dress-1');
  });

  it('remembers the locale in use and leaves non-storefront paths alone', () => {
    expect(call('/ru/p/x').headers.get('set-cookie')).toMatch(/NEXT_LOCALE=ru/);
    expect(call('/ru/p/x', { cookie: 'NEXT_LOCALE=ru' }).headers.get('set-cookie') ?? '').not.toMatch(/NEXT_LOCALE/);
    expect(rewrittenTo(call('/en/admin/orders'))).toBeNull();
  });

  it('tells pages rendered per request their locale, as next-intl reads it (their 404s and badges were English)', () => {
    expect(call('/de/account/orders/FR-1').headers.get('x-middleware-request-x-next-intl-locale')).toBe('de');
    expect(call('/ja/admin/orders').headers.get('x-middleware-request-x-next-intl-locale')).toBe('ja');
    // Prerendered pages keep setRequestLocale and their request untouched.
    expect(call('/ko/p/dress-1').headers.get('x-middleware-request-x-next-intl-locale')).toBeNull();
  });
});
