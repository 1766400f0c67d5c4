import { describe, expect, it } from 'vitest';
import { backoffDelay, fromThrown, isRetryableStatus, parseRetryAfter, tooLarge } from './fetch-errors';

describe('fetch failure helpers', () => {
  it('retries only statuses that can change on their own', () => {
    expect([500, 502, 503, 504, 429, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 451].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('doubles the backoff per retry, jittered within the upper half, capped', () => {
    expect([0, 1, 2].map((r) => backoffDelay(r, 500, 30_000, () => 0))).toEqual([250, 500, 1000]);
    expect([0, 1, 2].map((r) => backoffDelay(r, 500, 30_000, () => 1))).toEqual([500, 1000, 2000]);
    expect(backoffDelay(20, 500, 30_000, () => 1)).toBe(30_000);
  });

  it('names timeouts, socket errors and sizes in words staff can act on', () => {
    expect(fromThrown(new Error('aborted'), true, 15_000).message).toBe('timed out: no data for 15 s');
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(fromThrown(refused, false, 15_000)).toMatchObject({ kind: 'network', message: 'network error: ECONNREFUSED', isRetryable: true });
    expect(tooLarge(25_300_000, 20_000_000).message).toBe('too large: 25.3 MB, over the 20.0 MB cap');
    expect(tooLarge(null, 20_000_000)).toMatchObject({ message: 'too large: over the 20.0 MB cap', isRetryable: false });
  });
});
