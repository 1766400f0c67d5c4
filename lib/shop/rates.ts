import 'server-only';
import { notFound } from 'next/navigation';
import { cachedRates } from '@/lib/catalog/cached-reads';
import { isSupportedCurrency } from '@/lib/money/locale-currency';
import type { PinnedRate } from './price';

/** The display rate for a storefront page's currency segment; unknown currencies are a 404. */
export async function pageRate(currency: string): Promise<PinnedRate> {
  if (!isSupportedCurrency(currency)) notFound();
  if (currency === 'CNY') return { currency, rate: '1', source: 'identity', capturedAt: new Date(0).toISOString() };
  const table = await cachedRates();
  const entry = table.rates[currency];
  if (!entry) throw new Error(`No exchange rate stored for CNY→${currency}; run \`ferry fx refresh\`.`);
  return { currency, rate: entry.rate, source: entry.source, capturedAt: entry.capturedAt };
}
