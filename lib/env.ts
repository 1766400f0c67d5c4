import 'server-only';
import { z } from 'zod';
import { demoSecretValues } from '@/lib/demo-secrets';

/**
 * Every setting Ferry reads, validated once. Defaults are the documented demo values (README);
 * anything invalid stops start-up with a message naming the variable. Secrets default to their
 * published demo values (lib/startup/demo-secrets.ts), which a production start refuses unless the
 * run declares itself a demo with FERRY_DEMO=1.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** 1 declares a demo or test run: published demo secrets are then allowed in production mode. */
  FERRY_DEMO: z.enum(['0', '1']).default('0'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, 'must be mysql://user[:pass]@host[:port]/database')
    .default('mysql://root@127.0.0.1:3306/ferry'),
  UPSTASH_REDIS_REST_URL: z.url().default('http://127.0.0.1:8079'),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(8).default(demoSecretValues.UPSTASH_REDIS_REST_TOKEN),
  /** The local redis-server that the development bridge speaks to. */
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** The port the server listens on (`next start` reads it too; the demo passes it as -p). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The server's public origin. Unset: http://localhost:$PORT (siteUrlDefault), where the CLI reaches it too. */
  SITE_URL: z.url().default('http://localhost:3000'),
  MEDIA_DIR: z.string().min(1).default('var/media'),
  /** QC photos: a private folder no public route serves (lib/warehouse/photos/photo-store). */
  PRIVATE_MEDIA_DIR: z.string().min(1).default('var/private-media'),
  TRANSLATION_PROVIDER: z.enum(['offline', 'libretranslate', 'deepl']).default('offline'),
  LIBRETRANSLATE_URL: z.url().optional(),
  LIBRETRANSLATE_API_KEY: z.string().optional(),
  DEEPL_API_KEY: z.string().optional(),
  DEEPL_API_URL: z.url().default('https://api-free.deepl.com'),
  FX_PROVIDER: z.enum(['snapshot', 'ecb']).default('snapshot'),
  ECB_DAILY_URL: z.url().default('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'),
  /** Signs session JWTs (next-auth). */
  NEXTAUTH_SECRET: z.string().min(16).default(demoSecretValues.NEXTAUTH_SECRET),
  /** 32 bytes, hex or base64: encrypts partner API secrets at rest. */
  FERRY_SECRET_KEY: z.string().min(32).default(demoSecretValues.FERRY_SECRET_KEY),
  /** smtp://user:pass@host:port; without it mail is kept in the outbox table only (readable in the admin). */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be smtp:// or smtps://').optional(),
  EMAIL_FROM: z.string().min(3).default('Ferry <no-reply@ferry.local>'),
  SERVICE_FEE_PERCENT: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'a percentage like 5 or 7.5').default('5'),
  SERVICE_FEE_MIN_CNY: z.coerce.number().int().min(0).default(1000),
  /** Minutes an unpaid order holds its stock. */
  RESERVATION_MINUTES: z.coerce.number().positive().default(30),
  REPORTING_CURRENCY: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  FX_MAX_DEVIATION_PERCENT: z.string().regex(/^\d+(\.\d+)?$/).default('2'),
  /** Countries (ISO 3166-1 alpha-2, comma-separated) where cash on delivery is offered, and its fee in CNY minor units. */
  COD_COUNTRIES: z.string().default('AE,SA'),
  COD_FEE_CNY: z.coerce.number().int().min(0).default(2000),
  PAYMENT_GATEWAY: z.enum(['sandbox', 'stripe']).default('sandbox'),
  SANDBOX_GATEWAY_URL: z.url().default('http://127.0.0.1:8081'),
  SANDBOX_SECRET_KEY: z.string().min(8).default(demoSecretValues.SANDBOX_SECRET_KEY),
  /**
   * Verifies the sandbox gateway's webhooks. The sandbox accepts webhooks only while it is enabled:
   * it is PAYMENT_GATEWAY (then the demo value is the default), or this is set explicitly. A shop
   * that runs Stripe therefore never accepts events signed with the published sandbox secret.
   */
  SANDBOX_WEBHOOK_SECRET: z.string().min(8).optional(),
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().startsWith('pk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /** 17TRACK's API origin (`https://api.17track.net`; the tracking sandbox locally), without `/track/v2.2`. */
  TRACKING_17TRACK_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8087'),
  /** 17TRACK's API key: the `17token` header on calls, and the key its webhooks' `sign` is made with. */
  TRACKING_17TRACK_KEY: z.string().min(8).default(demoSecretValues.TRACKING_17TRACK_KEY),
  /** Open API requests per minute per partner key (a key's own limit overrides it). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /**
   * Proxies in front of Ferry that append to X-Forwarded-For (a load balancer, a CDN): the client is
   * the Nth address from the right. 0: Ferry faces the clients itself and uses the socket's address.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Hosts product images may be downloaded from (comma-separated; `*.example.com` matches its
   * subdomains). Marketplace image CDNs by default; ALIBABA_1688_CDN_URL is allowed on top.
   */
  IMAGE_HOSTS: z
    .string()
    .regex(/^\s*(\*\.)?[a-z0-9.-]+\s*(,\s*(\*\.)?[a-z0-9.-]+\s*)*$/i, 'host names or *.domain patterns, comma-separated')
    .default('*.alicdn.com,*.360buyimg.com,*.yangkeduo.com,*.pddpic.com,*.weidian.com,*.geilicdn.com'),
  /** Exposes /api/internal/stats (SQL query counter) for tests and benchmarks. Never in production. */
  FERRY_DEBUG_STATS: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvError extends Error {}

/**
 * SITE_URL's default follows PORT: a server started on another port, and the CLI run with the same
 * PORT, agree on the origin (PRODUCT.md, CLI). An invalid PORT is left to the schema to name.
 */
function siteUrlDefault(source: Record<string, string>): Record<string, string> {
  if (source.SITE_URL !== undefined || !/^\d{1,5}$/.test(source.PORT ?? '')) return source;
  return { ...source, SITE_URL: `http://localhost:${Number(source.PORT)}` };
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = siteUrlDefault(Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.TRANSLATION_PROVIDER === 'libretranslate' && !env.LIBRETRANSLATE_URL) {
    throw new EnvError('Invalid environment:\n  LIBRETRANSLATE_URL: required when TRANSLATION_PROVIDER=libretranslate');
  }
  if (env.TRANSLATION_PROVIDER === 'deepl' && !env.DEEPL_API_KEY) {
    throw new EnvError('Invalid environment:\n  DEEPL_API_KEY: required when TRANSLATION_PROVIDER=deepl');
  }
  if (env.PAYMENT_GATEWAY === 'stripe' && !(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET)) {
    throw new EnvError('Invalid environment:\n  STRIPE_SECRET_KEY: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required when PAYMENT_GATEWAY=stripe');
  }
  return env;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
