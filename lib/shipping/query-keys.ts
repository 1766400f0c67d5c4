import type { CurrencyCode } from '@/lib/money/currencies';
import type { ShippingGood } from './goods';
import type { QuoteResponseBody } from './serialize';

/** The public quote's parameters as the API takes them. */
export type QuoteParams = {
  country: string;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  currency: CurrencyCode;
  goods?: readonly ShippingGood[];
  locale?: string;
};

/** TanStack Query keys for shipping quotes (client and server alike). */
export const shippingKeys = {
  all: ['shipping'] as const,
  quote: (params: QuoteParams) => [...shippingKeys.all, 'quote', params] as const,
};

export function quoteSearch(params: QuoteParams): string {
  const search = new URLSearchParams({
    country: params.country,
    weightGrams: String(params.weightGrams),
    lengthCm: String(params.lengthCm),
    widthCm: String(params.widthCm),
    heightCm: String(params.heightCm),
    currency: params.currency,
  });
  if (params.goods?.length) search.set('goods', params.goods.join(','));
  if (params.locale) search.set('locale', params.locale);
  return search.toString();
}

/** GET /api/shipping/quote: the same answer for everyone asking the same, so the browser may keep it a minute. */
export async function fetchShippingQuote(params: QuoteParams): Promise<QuoteResponseBody> {
  const response = await fetch(`/api/shipping/quote?${quoteSearch(params)}`, { credentials: 'omit' });
  if (!response.ok) throw new Error(`shipping quote: HTTP ${response.status}`);
  return (await response.json()) as QuoteResponseBody;
}
