import 'server-only';
import type { Database } from '@/db/client';
import { getLatestRates } from '@/lib/fx/store';
import { requireRate } from '@/lib/fx/types';
import type { CurrencyCode } from '@/lib/money/currencies';
import type { PinnedRate } from '@/lib/shop/price';

/**
 * The rate a checkout page quotes: the newest stored one, read uncached, because it is the rate
 * placeOrder pins (the storefront's 15-minute cached rate could lag a refresh and make the order
 * differ from the total the shopper confirmed).
 */
export async function checkoutRate(db: Database, currency: CurrencyCode): Promise<PinnedRate> {
  if (currency === 'CNY') return { currency, rate: '1', source: 'identity', capturedAt: new Date(0).toISOString() };
  const entry = requireRate(await getLatestRates(db), currency);
  return { currency, rate: entry.rate, source: entry.source, capturedAt: entry.capturedAt };
}
