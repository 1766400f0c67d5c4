import 'server-only';
import { Ratelimit, type Duration } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import { getEnv } from '@/lib/env';
import { getRedis } from '@/lib/redis';
import { createMemoryWindow, durationMs } from './memory-limiter';

/** One sliding-window rule: at most `limit` hits per `window` for one identifier. */
type Rule = { name: string; limit: number; window: Duration };

/** Every rule a check applies must pass; `key` picks the identifier each rule counts against. */
export type Limiter = {
  /**
   * True when allowed. A missing identifier (a client whose address cannot be told) is refused.
   * Redis unreachable or slower than a second: the in-process limiter decides (same rules, per
   * process), so a Redis outage never switches the limits off.
   */
  check(keys: Record<string, string | null | undefined>): Promise<boolean>;
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
  // The public shipping quote is cheap (cached lines and rates) but open to anyone: a page of
  // products each asking once is far below this; a script looping over countries and weights is not.
  shippingQuote: [
    { name: 'ip', limit: 120, window: '1 m' },
    { name: 'ipHourly', limit: 2000, window: '1 h' },
  ],
  // The public tracking page answers anyone who has a number: a shopper looks a few up, a script
  // walking through numbers to find parcels is stopped per address.
  trackingLookup: [{ name: 'ip', limit: 120, window: '1 m' }],
} satisfies Record<string, Rule[]>;

export type RateLimitName = keyof typeof rateLimitRules;

export function createLimiter(redis: Redis, name: RateLimitName, prefix = 'ferry:rl', options: { timeoutMs?: number } = {}): Limiter {
  const limiters = rateLimitRules[name].map((rule: Rule) => ({
    rule,
    limiter: new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(rule.limit, rule.window),
      prefix: `${prefix}:${name}:${rule.name}`,
      // A Redis that does not answer within a second: the in-process limiter decides instead.
      timeout: options.timeoutMs ?? 1000,
      analytics: false,
    }),
    memory: createMemoryWindow({ limit: rule.limit, windowMs: durationMs(rule.window) }),
  }));
  let lastWarning = 0;
  const warn = (why: string) => {
    // At most one line a minute: an outage must not flood the log.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    console.warn(`[rate-limit] ${name}: ${why}; limiting in this process until it answers again`);
  };
  return {
    async check(keys) {
      const missing = limiters.find(({ rule }) => !keys[rule.name]);
      if (missing) {
        console.warn(`[rate-limit] ${name}: no ${missing.rule.name} to count the attempt against; refused`);
        return false;
      }
      // Every rule is counted in memory too, whatever Redis says: the fallback then starts from this process's recent attempts.
      const inMemory = limiters.map(({ rule, memory }) => memory.hit(keys[rule.name]!));
      try {
        const results = await Promise.all(limiters.map(({ rule, limiter }) => limiter.limit(keys[rule.name]!)));
        if (!results.some((r) => r.reason === 'timeout')) return results.every((r) => r.success);
        warn('Redis timed out');
      } catch (error) {
        warn(`Redis unreachable (${error instanceof Error ? error.message : String(error)})`);
      }
      return inMemory.every(Boolean);
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
