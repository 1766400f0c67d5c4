import { describe, expect, it } from 'vitest';
import { SupplierError } from '@/lib/suppliers/types';
import { describeFailure, formatFailure, isAutoRetryable, OUTCOME_UNKNOWN, parseFailure, retryDelayMs } from './failure-reason';

const REF = 'PO261121-7K3Q9X';

describe('purchase failures', () => {
  it('retries transient preview trouble by itself, at most three attempts', () => {
    const busy = formatFailure(describeFailure('preview', new SupplierError('unavailable', 'HTTP 503'), REF));
    expect(busy).toBe('preview:unavailable: HTTP 503');
    expect(isAutoRetryable(busy, 1)).toBe(true);
    expect(isAutoRetryable(busy, 3)).toBe(false);
    expect(isAutoRetryable(formatFailure(describeFailure('preview', new SupplierError('rate_limited', 'slow down'), REF)), 2)).toBe(true);
  });

  it('leaves refusals and Ferry errors to staff', () => {
    expect(isAutoRetryable(formatFailure(describeFailure('preview', new SupplierError('refused', 'offer closed'), REF)), 0)).toBe(false);
    expect(isAutoRetryable(formatFailure(describeFailure('preview', new TypeError('boom'), REF)), 0)).toBe(false);
    expect(isAutoRetryable(null, 0)).toBe(false);
  });

  it('calls a timeout or 5xx while placing an unknown outcome, naming the reference to look for', () => {
    for (const error of [new SupplierError('unavailable', 'timeout'), new Error('socket hang up')]) {
      const failure = describeFailure('place', error, REF);
      expect(failure.code).toBe(OUTCOME_UNKNOWN);
      expect(failure.message).toContain(REF);
      expect(isAutoRetryable(formatFailure(failure), 0)).toBe(false);
    }
  });

  it('knows a refusal or a rate limit while placing made no order', () => {
    expect(describeFailure('place', new SupplierError('refused', 'seller closed'), REF)).toEqual({ stage: 'place', code: 'refused', message: 'seller closed' });
    expect(describeFailure('place', new SupplierError('rate_limited', 'qps'), REF).code).toBe('rate_limited');
  });

  it('round-trips through last_error and bounds its length', () => {
    const text = formatFailure({ stage: 'check', code: 'unpriced', message: 'x'.repeat(600) });
    expect(text).toHaveLength(500);
    expect(parseFailure('place:refused: no: really')).toEqual({ stage: 'place', code: 'refused', message: 'no: really' });
    expect(parseFailure('free text')).toBeNull();
  });

  it('backs off 30 s, 2 min, 8 min', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([30_000, 120_000, 480_000]);
  });
});
