import { isPublicAddress, ipLiteral } from '@/lib/net/public-address';
import { ImageFetchError } from './fetch-errors';

/**
 * Where product images may be downloaded from. Image URLs come from marketplace data (and from
 * whatever a shopper pastes), so without a rule a crafted listing could make the server fetch its
 * own admin pages, the database host or the cloud metadata service.
 * - `hosts`: host names, or `*.domain` for every subdomain of it (IMAGE_HOSTS);
 * - `trustedBases`: URL prefixes fetched without the address check — only the configured stand-in
 *   CDN of the demo and tests (ALIBABA_1688_CDN_URL), which lives on this machine.
 */
export type ImageUrlPolicy = { hosts: readonly string[]; trustedBases: readonly string[] };

/** IMAGE_HOSTS as a list of lowercase patterns. */
export function parseImageHosts(value: string): string[] {
  return value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

export function isAllowedImageHost(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern));
}

export function isTrustedBase(url: URL, bases: readonly string[]): boolean {
  return bases.some((base) => {
    const prefix = base.endsWith('/') ? base : `${base}/`;
    return url.href.startsWith(prefix) || url.href === base;
  });
}

/**
 * Checks one URL (the first, or a redirect's target) before anything is sent to it: 'trusted' for
 * the configured stand-in CDN, 'public-only' when the connection must go to a public address (the
 * resolver checks the name's addresses). Throws a non-retryable `refused` failure otherwise.
 */
export function checkImageUrl(url: URL, policy: ImageUrlPolicy): 'trusted' | 'public-only' {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused(`${url.protocol} URLs are not fetched`);
  if (isTrustedBase(url, policy.trustedBases)) return 'trusted';
  if (!isAllowedImageHost(url.hostname, policy.hosts)) throw refused(`host ${url.hostname} is not an allowed image host (IMAGE_HOSTS)`);
  const literal = ipLiteral(url.hostname);
  if (literal !== null && !isPublicAddress(literal)) throw refused(`${literal} is not a public address`);
  return 'public-only';
}

export function refused(detail: string): ImageFetchError {
  return new ImageFetchError('refused', `refused: ${detail}`.slice(0, 200), false);
}
