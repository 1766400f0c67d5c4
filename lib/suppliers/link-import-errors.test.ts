import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { fromSupplierError, linkImportError, linkImportReasonOf } from './link-import-errors';
import { SupplierError, supplierErrorCodes } from './types';

describe('fromSupplierError', () => {
  it.each([
    ['not_configured', 'bad_request', 'not_configured', /cannot import Taobao listings yet/],
    ['not_found', 'not_found', 'listing_not_found', /^That Taobao listing does not exist or was taken down\.$/],
    ['unavailable', 'unavailable', 'upstream_unavailable', /^Taobao is not answering; try again in a minute\.$/],
    ['rate_limited', 'unavailable', 'upstream_unavailable', /not answering/],
    ['auth', 'unavailable', 'upstream_unavailable', /not answering/],
    ['refused', 'bad_request', 'upstream_refused', /does not let us import/],
    ['invalid', 'bad_request', 'unreadable_listing', /could not read this Taobao listing/],
  ] as const)('%s → %s (%s)', (supplierCode, appCode, reason, message) => {
    const error = fromSupplierError(new SupplierError(supplierCode, 'vendor detail gw.Secret'), 'taobao');
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(appCode);
    expect(error.details).toEqual({ reason, platform: 'taobao' });
    expect(error.message).toMatch(message);
    // The vendor's own words stay in the log, never in what the shopper reads.
    expect(error.message).not.toContain('gw.Secret');
  });

  it('maps every supplier error code', () => {
    for (const code of supplierErrorCodes) expect(linkImportReasonOf(fromSupplierError(new SupplierError(code, 'x'), 'jd'))).not.toBeNull();
  });
});

describe('linkImportError', () => {
  it('names the marketplace in English for the CLI and logs', () => {
    expect(linkImportError('short_link', 'jd').message).toBe('This is a JD short link. Open it in your browser and paste the full product address.');
    expect(linkImportError('not_a_listing', 'pinduoduo').message).toContain('This Pinduoduo page is not a product');
    expect(linkImportError('unsupported_link', null).message).toContain('1688, Taobao, Tmall, JD, Pinduoduo or Weidian');
    expect(linkImportError('rate_limited', null).status).toBe(429);
  });

  it('reads the reason back only from link-import errors', () => {
    expect(linkImportReasonOf(linkImportError('empty', null))).toBe('empty');
    expect(linkImportReasonOf(new AppError('not_found', 'x'))).toBeNull();
    expect(linkImportReasonOf(new AppError('not_found', 'x', { reason: 'cart_full' }))).toBeNull();
  });
});
