import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { payLinkFailure } from './pay-link-failure';

const site = 'http://shop.test';
const where = '[pay] test';
const browser = (headers: Record<string, string> = {}) => new Request(`${site}/pay/FR-1/tok`, { headers: { 'sec-fetch-mode': 'navigate', accept: 'text/html', ...headers } });

describe('a pay link that fails', () => {
  it('sends a browser to the problem page in the order’s language, with the link to try again', () => {
    const res = payLinkFailure(browser(), new AppError('payment_unavailable', 'down'), { where, siteUrl: site, locale: 'ja', retryPath: '/pay/FR-1/tok' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${site}/ja/account/payment-problem?problem=unavailable&retry=%2Fpay%2FFR-1%2Ftok`);
  });

  it('uses the browser’s language when the order was never found, and the 404 page for a bad link', () => {
    const res = payLinkFailure(browser({ cookie: 'a=1; NEXT_LOCALE=de', 'accept-language': 'ar' }), new AppError('not_found', 'no'), { where, siteUrl: site });
    expect(res.headers.get('location')).toBe(`${site}/de/account/payment-problem?problem=not_found`);
    const arabic = payLinkFailure(browser({ 'accept-language': 'ar-AE,ar;q=0.9' }), new AppError('not_found', 'no'), { where, siteUrl: site });
    expect(arabic.headers.get('location')).toBe(`${site}/ar/account/payment-problem?problem=not_found`);
  });

  it('names a bug by its request id only', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = payLinkFailure(browser(), new Error('SELECT secret FROM x'), { where, siteUrl: site, locale: 'en' });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('problem')).toBe('internal');
    expect(location.searchParams.get('ref')).toBe(res.headers.get('x-request-id'));
    expect(location.href).not.toContain('secret');
    log.mockRestore();
  });

  it('keeps the plain status for scripts and monitors (503 with Retry-After)', async () => {
    const res = payLinkFailure(new Request(`${site}/pay/FR-1/tok`, { headers: { accept: '*/*' } }), new AppError('service_unavailable', 'later', { retryAfterSeconds: 5 }), { where, siteUrl: site });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });
});
