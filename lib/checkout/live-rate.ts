import type { CurrencyCode } from '@/lib/money/currencies';
import { toCnyRates } from '@/lib/fx/cross';
import { addUsdPegs } from '@/lib/fx/pegs';
import type { FxProvider } from '@/lib/fx/types';

/** Returns the live CNY→currency rate, or null when none can be had in time. */
export type LiveRate = (currency: CurrencyCode) => Promise<string | null>;

const LIVE_TIMEOUT_MS = 1500;
const LIVE_CACHE_MS = 60_000;

/**
 * The provider's current rate, fetched at most once a minute and given 1.5 s. When the feed is
 * slow or down, checkout goes on at the cached rate (stated fallback: the cached rate is at most
 * one refresh old, and the order pins the rate it actually used); the warning is logged.
 */
export function liveRateFrom(provider: FxProvider): LiveRate {
  let cache: { at: number; rates: Partial<Record<string, string>> } | undefined;
  return async (currency) => {
    if (currency === 'CNY') return '1';
    if (!cache || Date.now() - cache.at > LIVE_CACHE_MS) {
      try {
        const snapshot = await Promise.race([
          provider.fetchRates(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), LIVE_TIMEOUT_MS)),
        ]);
        const { rows } = toCnyRates(addUsdPegs(snapshot));
        cache = { at: Date.now(), rates: Object.fromEntries(rows.map((r) => [r.quote, r.rate])) };
      } catch (error) {
        console.warn(`[checkout] live rate unavailable, using the cached rate: ${(error as Error).message}`);
        return null;
      }
    }
    return cache.rates[currency] ?? null;
  };
}
