import { z } from 'zod';

/**
 * Every setting Ferry reads, validated once. Defaults are the documented demo values (README);
 * anything invalid stops start-up with a message naming the variable.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, 'must be mysql://user[:pass]@host[:port]/database')
    .default('mysql://root@127.0.0.1:3306/ferry'),
  UPSTASH_REDIS_REST_URL: z.url().default('http://127.0.0.1:8079'),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(8).default('ferry-demo-redis-token'),
  /** The local redis-server that the development bridge speaks to. */
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  SITE_URL: z.url().default('http://localhost:3000'),
  MEDIA_DIR: z.string().min(1).default('var/media'),
  TRANSLATION_PROVIDER: z.enum(['offline', 'libretranslate', 'deepl']).default('offline'),
  LIBRETRANSLATE_URL: z.url().optional(),
  LIBRETRANSLATE_API_KEY: z.string().optional(),
  DEEPL_API_KEY: z.string().optional(),
  DEEPL_API_URL: z.url().default('https://api-free.deepl.com'),
  FX_PROVIDER: z.enum(['snapshot', 'ecb']).default('snapshot'),
  ECB_DAILY_URL: z.url().default('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'),
  /** Exposes /api/internal/stats (SQL query counter) for tests and benchmarks. Never in production. */
  FERRY_DEBUG_STATS: z.enum(['0', '1']).default('0'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
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
  return env;
}

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
