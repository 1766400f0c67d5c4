import { describe, expect, it } from 'vitest';
import { getScriptNonceFromHeader } from 'next/dist/server/app-render/get-script-nonce-from-header';
import { createNonce, pageContentSecurityPolicy, resourceContentSecurityPolicy } from './content-security-policy';

/** The policy as a map: directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => { const [name, ...sources] = d.split(' '); return [name!, sources]; }));
}

const options = { isHttps: false, formTargets: ['https://checkout.stripe.com'] };

describe('pageContentSecurityPolicy', () => {
  it('runs only scripts carrying the nonce (and what they load) on a page rendered per request', () => {
    const policy = directives(pageContentSecurityPolicy({ ...options, nonce: 'abc123==' }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('allows inline scripts only on cached pages, and nothing from another origin', () => {
    const policy = directives(pageContentSecurityPolicy(options));
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('locks everything else down the same way on both kinds', () => {
    for (const policy of [pageContentSecurityPolicy(options), pageContentSecurityPolicy({ ...options, nonce: 'n' })].map(directives)) {
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
      expect(policy.get('form-action')).toEqual(["'self'", 'https://checkout.stripe.com']);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('upgrades http subresources only when the site is https (on http it would break every asset)', () => {
    expect(directives(pageContentSecurityPolicy({ ...options, isHttps: true })).has('upgrade-insecure-requests')).toBe(true);
  });

  it('hands Next a nonce it can read back from the header', () => {
    const nonce = createNonce();
    expect(getScriptNonceFromHeader(pageContentSecurityPolicy({ ...options, nonce }))).toBe(nonce);
    expect(getScriptNonceFromHeader(pageContentSecurityPolicy(options))).toBeUndefined();
  });
});

describe('createNonce', () => {
  it('is 128 random bits, fresh each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('resourceContentSecurityPolicy', () => {
  it('lets nothing run, load, submit or frame a non-page response', () => {
    const policy = directives(resourceContentSecurityPolicy);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
});
