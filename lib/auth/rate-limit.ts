import 'server-only';
import { Ratelimit, type Duration } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import { getEnv } from '@/lib/env';
import { getRedis } from '@/lib/redis';

/** One sliding-window rule: at most `limit` hits per `window` for one identifier. */
type Rule = { name: string; limit: number; window: Duration };

/** Every rule a check applies must pass; `key` picks the identifier each rule counts against. */
export type Limiter = {
  /** True when allowed. Fails open: an unreachable Redis allows the attempt (with a warning). */
  check(keys: Record<string, string>): Promise<boolean>;
};

/**
 * Sign-in: 5 attempts per 15 minutes per email and 20 per IP. Password-reset requests and
 * sign-ups are limited the same way, so neither can be used to flood someone's mailbox.
 */
export const rateLimitRules = {
  signIn: [
    { name: 'email', limit: 5, window: '15 m' },
    { name: 'ip', limit: 20, window: '15 m' },
  ],
  passwordReset: [
    { name: 'email', limit: 3, window: '15 m' },
    { name: 'ip', limit: 10, window: '15 m' },
  ],
  signUp: [{ name: 'ip', limit: 10, window: '1 h' }],
  // Each pasted link costs a call to the marketplace (whose quota is the agent's): a shopper pastes a
  // few, a script pasting hundreds would spend the quota for everyone.
  linkImport: [
    { name: 'ip', limit: 10, window: '1 m' },
    { name: 'ipHourly', limit: 60, window: '1 h' },
  ],
  // Each checkout submit holds stock and may call the marketplace: a shopper submits a few times
  // (a refused card, a corrected address); a script submitting in a loop is stopped per account,
  // and per address for one that signs up many accounts.
  checkout: [
    { name: 'user', limit: 10, window: '10 m' },
    { name: 'ip', limit: 30, window: '10 m' },
  ],
} satisfies Record<string, Rule[]>;

export type RateLimitName = keyof typeof rateLimitRules;

export function createLimiter(redis: Redis, name: RateLimitName, prefix = 'ferry:rl'): Limiter {
  const limiters = rateLimitRules[name].map((rule: Rule) => ({
    rule,
    limiter: new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(rule.limit, rule.window),
      prefix: `${prefix}:${name}:${rule.name}`,
      // A Redis that does not answer within a second lets the attempt through (fail open).
      timeout: 1000,
      analytics: false,
    }),
  }));
  return {
    async check(keys) {
      try {
        const results = await Promise.all(
          limiters.map(({ rule, limiter }) => {
            const identifier = keys[rule.name];
            return identifier ? limiter.limit(identifier) : Promise.resolve({ success: true, reason: undefined });
          }),
        );
        if (results.some((r) => r.reason === 'timeout')) console.warn(`[rate-limit] ${name}: Redis timed out, allowing the attempt`);
        return results.every((r) => r.success);
      } catch (error) {
        console.warn(`[rate-limit] ${name}: Redis unreachable, allowing the attempt (${error instanceof Error ? error.message : String(error)})`);
        return true;
      }
    },
  };
}

const shared = new Map<RateLimitName, Limiter>();

/**
 * The process-wide limiter for `name`, on the app's Redis. Keys are namespaced by database name,
 * like the stock counters: tenants (and the test database) never share each other's limits.
 */
export function getLimiter(name: RateLimitName): Limiter {
  let limiter = shared.get(name);
  if (!limiter) {
    limiter = createLimiter(getRedis(), name, `ferry:rl:${new URL(getEnv().DATABASE_URL).pathname.slice(1)}`);
    shared.set(name, limiter);
  }
  return limiter;
}

/** The client's address as the proxy in front reports it (first hop of X-Forwarded-For). */
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown>): string {
  const read = (name: string): string | undefined => {
    if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
    const value = (headers as Record<string, unknown>)[name];
    return Array.isArray(value) ? String(value[0]) : typeof value === 'string' ? value : undefined;
  };
  return read('x-forwarded-for')?.split(',')[0]?.trim() || read('x-real-ip')?.trim() || 'unknown';
}
