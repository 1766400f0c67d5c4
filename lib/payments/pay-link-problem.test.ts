import { describe, expect, it } from 'vitest';
import { AppError, serviceUnavailable } from '@/lib/errors';
import { payLinkProblem, payLinkProblemPath, safeRetryPath } from './pay-link-problem';

describe('pay link problems', () => {
  it('names the problem from the public error: gateway or database down, bad link, anything else', () => {
    expect(payLinkProblem(new AppError('payment_unavailable', 'x'))).toBe('unavailable');
    expect(payLinkProblem(serviceUnavailable())).toBe('unavailable');
    expect(payLinkProblem(new AppError('not_found', 'x'))).toBe('not_found');
    expect(payLinkProblem(null)).toBe('internal');
  });

  it('sends the browser to the localized problem page with only what that problem needs', () => {
    expect(payLinkProblemPath('ja', 'unavailable', { retryPath: '/pay/FR-1/tok', requestId: 'r1' })).toBe('/ja/account/payment-problem?problem=unavailable&retry=%2Fpay%2FFR-1%2Ftok');
    expect(payLinkProblemPath('de', 'internal', { retryPath: '/pay/FR-1/tok', requestId: 'r1' })).toBe('/de/account/payment-problem?problem=internal&ref=r1');
    expect(payLinkProblemPath('ar', 'not_found')).toBe('/ar/account/payment-problem?problem=not_found');
  });

  it('follows a retry link only to a pay link on this site', () => {
    expect(safeRetryPath('/pay/FR-2024-0001/abc123')).toBe('/pay/FR-2024-0001/abc123');
    expect(safeRetryPath('//evil.test/pay/x/y')).toBeNull();
    expect(safeRetryPath('https://evil.test/pay/x/y')).toBeNull();
    expect(safeRetryPath('/pay/x/y/../../admin')).toBeNull();
    expect(safeRetryPath(undefined)).toBeNull();
  });
});
