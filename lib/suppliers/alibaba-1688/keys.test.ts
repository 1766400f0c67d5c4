import { describe, expect, it } from 'vitest';
import { SupplierError } from '../types';
import { alibaba1688Keys, cdnUrlFor } from './keys';

describe('alibaba1688Keys', () => {
  it('defaults to the demo app against the local sandbox', () => {
    expect(alibaba1688Keys({})).toEqual({
      appKey: '8068168',
      appSecret: 'ferry-demo-1688-secret',
      baseUrl: 'http://127.0.0.1:8085',
      refreshToken: 'ferry-demo-1688-refresh-token',
      timeoutMs: 8000,
      cdnUrl: null,
    });
  });

  it('reads overrides and treats empty values as unset', () => {
    const keys = alibaba1688Keys({ ALIBABA_1688_BASE_URL: 'https://gw.open.1688.com/', ALIBABA_1688_TIMEOUT_MS: '3000', ALIBABA_1688_APP_KEY: '' });
    expect(keys).toMatchObject({ baseUrl: 'https://gw.open.1688.com', timeoutMs: 3000, appKey: '8068168' });
  });

  it('refuses invalid values with not_configured, naming the variable', () => {
    const attempt = () => alibaba1688Keys({ ALIBABA_1688_TIMEOUT_MS: 'soon' });
    expect(attempt).toThrow(SupplierError);
    expect(attempt).toThrow(/ALIBABA_1688_TIMEOUT_MS/);
    try {
      alibaba1688Keys({ ALIBABA_1688_BASE_URL: 'ftp://example.com' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'not_configured' });
      expect((error as Error).message).toMatch(/ALIBABA_1688_BASE_URL/);
    }
  });
});

describe('cdnUrlFor', () => {
  const url = 'https://cbu01.alicdn.com/img/ibank/O1CN01abc_!!2200000000-0-cib.jpg';
  it('rewrites 1688 CDN URLs onto the configured base only', () => {
    expect(cdnUrlFor(url, { cdnUrl: 'http://127.0.0.1:8085' })).toBe('http://127.0.0.1:8085/img/ibank/O1CN01abc_!!2200000000-0-cib.jpg');
    expect(cdnUrlFor(url, { cdnUrl: null })).toBe(url);
    expect(cdnUrlFor('https://img.example/a.jpg', { cdnUrl: 'http://127.0.0.1:8085' })).toBe('https://img.example/a.jpg');
  });
});
