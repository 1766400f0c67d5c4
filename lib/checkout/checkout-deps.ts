import 'server-only';
import { getLimiter } from '@/lib/auth/rate-limit';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { getFxProvider } from '@/lib/fx/provider';
import { getRedis } from '@/lib/redis';
import { liveRateFrom, type LiveRate } from './live-rate';
import type { CheckoutDeps } from './place-order';

// One live-rate checker per process: it caches the provider's rates for a minute, which a checker
// made per request would not.
let liveRate: LiveRate | undefined;

/** What placeOrder needs for a storefront checkout: the request's database, Redis, the live FX check and the checkout rate limit. */
export function checkoutDeps(): CheckoutDeps {
  const env = getEnv();
  liveRate ??= liveRateFrom(getFxProvider(env));
  return { db: getDb(), redis: getRedis(), env, liveRate, limiter: getLimiter('checkout') };
}
