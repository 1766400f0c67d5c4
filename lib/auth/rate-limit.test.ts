import { Redis } from '@upstash/redis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIp, createLimiter } from './rate-limit';

afterEach(() => vi.restoreAllMocks());

describe('rate limiter', () => {
  it('fails open with a warning when Redis cannot be reached', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Port 9 on loopback: connection refused at once.
    const redis = new Redis({ url: 'http://127.0.0.1:9', token: 'unreachable-token', retry: false, enableTelemetry: false });
    const limiter = createLimiter(redis, 'signIn', `ferry-test:${Date.now()}`);
    for (let i = 0; i < 7; i++) expect(await limiter.check({ email: 'a@example.com', ip: '203.0.113.9' })).toBe(true);
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/\[rate-limit\] signIn/);
  });
});

describe('clientIp', () => {
  it('takes the first X-Forwarded-For hop, then X-Real-IP, from a Headers object or a plain record', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.7, 10.0.0.1' }))).toBe('198.51.100.7');
    expect(clientIp({ 'x-real-ip': '198.51.100.8' })).toBe('198.51.100.8');
    expect(clientIp({ 'x-forwarded-for': ['198.51.100.9'] })).toBe('198.51.100.9');
    expect(clientIp({})).toBe('unknown');
  });
});
