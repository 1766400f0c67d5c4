import 'server-only';
import type { Database } from '@/db/client';
import type { RateTable } from '@/lib/fx/types';
import type { CurrencyCode } from '@/lib/money';
import { getSettings } from '@/lib/settings/read-settings';
import type { ShippingGood } from '@/lib/shipping/goods';
import { quoteShipping } from '@/lib/shipping/quote-shipping';
import type { ParcelDims, ShippingLineRule, ShippingQuoteResult } from '@/lib/shipping/types';
import { estimateBox, itemsGrams, type MeasuredItem } from './parcel-box';

export type ParcelQuoteRequest = {
  items: readonly MeasuredItem[];
  country: string;
  currency: CurrencyCode;
  declaredValueCny: number;
  /** What the items are (goodsOfItems): a line refusing any of them cannot take the parcel. */
  goods: readonly ShippingGood[];
  locale?: string;
};

/**
 * Quotes a parcel of these items on every line (or the lines handed in) through the one quote
 * function: the items' measured weights plus the packaging allowance (setting), in the box
 * estimateBox gives. The parcel's estimate is one of these quotes, so the screen and the parcel agree.
 */
export async function quoteParcel(
  db: Database,
  request: ParcelQuoteRequest,
  options: { lines?: readonly ShippingLineRule[]; rates?: RateTable } = {},
): Promise<{ grams: number; dims: ParcelDims; result: ShippingQuoteResult }> {
  const settings = await getSettings(db);
  const grams = itemsGrams(request.items) + settings['parcels.packagingAllowanceGrams'];
  const dims = estimateBox(request.items, grams);
  const result = await quoteShipping(
    db,
    { country: request.country, grams, dims, goods: request.goods, currency: request.currency, declaredValueCny: request.declaredValueCny, locale: request.locale },
    options,
  );
  return { grams, dims, result };
}
