import type { ShippingQuoteResult } from './types';

/**
 * The public quote's JSON (PRODUCT.md "Shipping quote"): quotes with line id, name, chargeable grams,
 * price in the asked currency and in CNY, and days; unavailable lines with their reason code (and an
 * English sentence beside it in `message`).
 */
export function quoteResponseBody(result: ShippingQuoteResult) {
  return {
    quotes: result.quotes.map((quote) => ({
      lineId: quote.lineId,
      name: quote.name,
      chargeableGrams: quote.chargeableGrams,
      price: { amountMinor: quote.price.amountMinor, currency: quote.price.currency },
      priceCny: { amountMinor: quote.priceCny.amountMinor, currency: 'CNY' as const },
      days: { min: quote.days.min, max: quote.days.max },
    })),
    unavailable: result.unavailable.map((line) => ({ lineId: line.lineId, name: line.name, reason: line.reason, message: line.message })),
  };
}

export type QuoteResponseBody = ReturnType<typeof quoteResponseBody>;
