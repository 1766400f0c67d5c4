import type { OrderBreakdown } from '@/db/schema/orders';
import type { CurrencyCode } from '@/lib/money/currencies';
import { convertOrderBreakdown, priceOrder, type ConvertedBreakdown, type PricingLine, type PricingSettings } from './pricing';
import type { ValueAddedService } from '@/lib/orders/types';

export type CheckoutQuote = { breakdownCny: OrderBreakdown; totalCny: number; converted: ConvertedBreakdown };

/**
 * What the checkout page shows before paying, computed by the same two functions placeOrder uses
 * (priceOrder, then convertOrderBreakdown at the quoted rate). Pure: the page renders it on the
 * server and the form recomputes it in the browser when services or the payment method change.
 */
export function quoteCheckout(
  lines: readonly PricingLine[],
  services: readonly ValueAddedService[],
  isCashOnDelivery: boolean,
  settings: PricingSettings,
  rate: { currency: CurrencyCode; rate: string },
): CheckoutQuote {
  const { breakdown, totalCny } = priceOrder(lines, services, { cashOnDelivery: isCashOnDelivery }, settings);
  return { breakdownCny: breakdown, totalCny, converted: convertOrderBreakdown(breakdown, rate.currency, rate.rate) };
}
