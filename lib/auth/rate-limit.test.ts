import { Redis } from '@upstash/redis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryWindow, durationMs } from './memory-limiter';
import { createLimiter, rateLimitRules, type RateLimitName } from './rate-limit';

afterEach(() => vi.restoreAllMocks());

// Port 9 on loopback: connection refused at once.
const unreachable = () => new Redis({ url: 'http://127.0.0.1:9', token: 'unreachable-token', retry: false, enableTelemetry: false });

describe('rate limiter without Redis', () => {
  it('keeps limiting sign-ins in the process when Redis cannot be reached (never fails open)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const limiter = createLimiter(unreachable(), 'signIn', `ferry-test:${Date.now()}`);
    const perEmail = [];
    for (let i = 0; i < 6; i++) perEmail.push(await limiter.check({ email: 'a@example.com', ip: '203.0.113.9' }));
    expect(perEmail).toEqual([true, true, true, true, true, false]);
    // 20 per IP across emails: 6 used above, 14 more pass, the 21st is refused.
    const perIp = [];
    for (let i = 0; i < 15; i++) perIp.push(await limiter.check({ email: `spray-${i}@example.com`, ip: '203.0.113.9' }));
    expect(perIp.slice(0, 14).every(Boolean)).toBe(true);
    expect(perIp[14]).toBe(false);
    // Another client is counted on its own.
    expect(await limiter.check({ email: 'b@example.com', ip: '203.0.113.10' })).toBe(true);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/\[rate-limit\] signIn: Redis unreachable/);
  });

  it('applies every rule set in the process, at its own limits', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const name of Object.keys(rateLimitRules) as RateLimitName[]) {
      const limiter = createLimiter(unreachable(), name, `ferry-test:${name}:${Date.now()}`);
      const keys = Object.fromEntries(rateLimitRules[name].map((rule) => [rule.name, rule.name === 'email' ? 'c@example.com' : '198.51.100.50']));
      const lowest = Math.min(...rateLimitRules[name].map((rule) => rule.limit));
      const results = [];
      for (let i = 0; i <= lowest; i++) results.push(await limiter.check(keys));
      expect(results, name).toEqual([...Array<boolean>(lowest).fill(true), false]);
    }
  });

  it('falls back when Redis is slower than its timeout', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Accepts connections and never answers.
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      const redis = new Redis({ url: `http://127.0.0.1:${port}`, token: 'silent-token', retry: false, enableTelemetry: false });
      const limiter = createLimiter(redis, 'signUp', `ferry-test:slow:${Date.now()}`, { timeoutMs: 50 });
      const results = [];
      for (let i = 0; i < 11; i++) results.push(await limiter.check({ ip: '198.51.100.60' }));
      expect(results).toEqual([...Array<boolean>(10).fill(true), false]);
    } finally {
      silent.close();
    }
  });

  it('refuses an attempt whose client cannot be told, instead of counting it in a shared bucket', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const limiter = createLimiter(unreachable(), 'signIn', `ferry-test:${Date.now()}`);
    expect(await limiter.check({ email: 'd@example.com', ip: null })).toBe(false);
    expect(await limiter.check({ email: 'd@example.com', ip: '198.51.100.70' })).toBe(true);
  });
});

describe('createMemoryWindow', () => {
  it('is a sliding window: the previous window still counts in proportion to its overlap', () => {
    let now = 0;
    const window = createMemoryWindow({ limit: 4, windowMs: 1000 }, () => now);
    expect([1, 2, 3, 4, 5].map(() => window.hit('k'))).toEqual([true, true, true, true, false]);
    now = 1500; // half of the previous window overlaps: 4 × 0.5 = 2 still used
    expect([1, 2, 3].map(() => window.hit('k'))).toEqual([true, true, false]);
    now = 3100; // two windows later: nothing carries over
    expect(window.hit('k')).toBe(true);
    expect(window.hit('other')).toBe(true);
  });

  it('reads the limiter durations', () => {
    expect([durationMs('15 m'), durationMs('1 h'), durationMs('30 s'), durationMs('500 ms'), durationMs('1 d')]).toEqual([900_000, 3_600_000, 30_000, 500, 86_400_000]);
    expect(() => durationMs('soon')).toThrow();
  });
});
