import { AppError, type AppErrorCode } from '@/lib/errors';
import type { SupplierError, SupplierPlatform } from './types';

/**
 * Why a link could not become a product page, in words a shopper can act on. The reason travels in
 * `AppError.details.reason` (the storefront translates it); the English message is what the CLI and
 * logs print.
 */
export const linkImportReasons = [
  'empty',
  'unsupported_link',
  'not_a_listing',
  'short_link',
  'not_configured',
  'listing_not_found',
  'upstream_unavailable',
  'upstream_refused',
  'unreadable_listing',
  'translation_unavailable',
  'rate_limited',
] as const;
export type LinkImportReason = (typeof linkImportReasons)[number];

export const platformEnglishNames: Record<SupplierPlatform, string> = {
  '1688': '1688',
  taobao: 'Taobao',
  tmall: 'Tmall',
  jd: 'JD',
  pinduoduo: 'Pinduoduo',
  weidian: 'Weidian',
};

const supported = 'Paste a product link from 1688, Taobao, Tmall, JD, Pinduoduo or Weidian.';

const reasons: Record<LinkImportReason, { code: AppErrorCode; message: (name: string) => string }> = {
  empty: { code: 'validation_failed', message: () => `Paste a product link. ${supported}` },
  unsupported_link: { code: 'validation_failed', message: () => `We do not recognise this link. ${supported}` },
  not_a_listing: { code: 'validation_failed', message: (name) => `This ${name} page is not a product (a shop or a search page?). Open the product itself and paste its address.` },
  short_link: { code: 'validation_failed', message: (name) => `This is a ${name} short link. Open it in your browser and paste the full product address.` },
  not_configured: { code: 'bad_request', message: (name) => `Ferry cannot import ${name} listings yet. Search our catalog, or paste a link from another marketplace.` },
  listing_not_found: { code: 'not_found', message: (name) => `That ${name} listing does not exist or was taken down.` },
  upstream_unavailable: { code: 'unavailable', message: (name) => `${name} is not answering; try again in a minute.` },
  upstream_refused: { code: 'bad_request', message: (name) => `${name} does not let us import this listing.` },
  unreadable_listing: { code: 'bad_request', message: (name) => `We could not read this ${name} listing, so it cannot be imported.` },
  translation_unavailable: { code: 'unavailable', message: () => 'The translation service is not answering; try again in a minute.' },
  rate_limited: { code: 'rate_limited', message: () => 'Too many links in a short time; wait a minute and try again.' },
};

export function linkImportError(reason: LinkImportReason, platform: SupplierPlatform | null): AppError {
  const { code, message } = reasons[reason];
  const name = platform ? platformEnglishNames[platform] : 'the marketplace';
  return new AppError(code, message(name), { reason, platform });
}

/** A connector's failure as the shopper should hear it; vendor codes stay in the log. */
export function fromSupplierError(error: SupplierError, platform: SupplierPlatform): AppError {
  switch (error.code) {
    case 'not_configured':
      return linkImportError('not_configured', platform);
    case 'not_found':
      return linkImportError('listing_not_found', platform);
    case 'rate_limited':
    case 'unavailable':
    case 'auth':
      return linkImportError('upstream_unavailable', platform);
    case 'refused':
      return linkImportError('upstream_refused', platform);
    case 'invalid':
      return linkImportError('unreadable_listing', platform);
  }
}

export function linkImportReasonOf(error: AppError): LinkImportReason | null {
  const reason = error.details?.reason;
  return typeof reason === 'string' && (linkImportReasons as readonly string[]).includes(reason) ? (reason as LinkImportReason) : null;
}
