import { describe, expect, it } from 'vitest';
import { isHttpsOrigin, securityHeaders } from './security-headers';

const byName = (headers: { key: string; value: string }[]) => Object.fromEntries(headers.map((h) => [h.key, h.value]));

describe('securityHeaders', () => {
  it('sends the fixed set on every response', () => {
    const headers = byName(securityHeaders({ isHttps: false }));
    expect(headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('sends HSTS only for an https site', () => {
    expect(byName(securityHeaders({ isHttps: false }))).not.toHaveProperty('strict-transport-security');
    expect(byName(securityHeaders({ isHttps: true }))['strict-transport-security']).toBe('max-age=31536000');
  });

  it('uses lower-case names, so the proxy’s page policy replaces the default instead of adding a second one', () => {
    for (const { key } of securityHeaders({ isHttps: true })) expect(key).toBe(key.toLowerCase());
  });
});

describe('isHttpsOrigin', () => {
  it('is true only for an https URL', () => {
    expect(isHttpsOrigin('https://shop.example')).toBe(true);
    expect(isHttpsOrigin('http://localhost:3000')).toBe(false);
    expect(isHttpsOrigin(undefined)).toBe(false);
    expect(isHttpsOrigin('shop.example')).toBe(false);
  });
});
