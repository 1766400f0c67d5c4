import type { OrderBreakdown } from '@/db/schema/orders';
import { convert, convertBreakdown, money, percentOf, type Money } from '@/lib/money';
import type { CurrencyCode } from '@/lib/money/currencies';
import type { ValueAddedService } from '@/lib/orders/types';

export type PricingLine = {
  skuId: number;
  sellerId: number;
  unitPriceCny: number;
  quantity: number;
  /** The product's domestic shipping fee (seller → warehouse), CNY minor units. */
  domesticShippingCny: number;
};

export type PricingSettings = {
  /** "5" = 5 % of the items. */
  serviceFeePercent: string;
  serviceFeeMinCny: number;
  codFeeCny: number;
};

/** Value-added services and their prices in CNY minor units. */
export const servicePrices: Record<ValueAddedService, { perLine?: number; perSeller?: number }> = {
  extra_qc_photos: { perLine: 300 },
  careful_packing: { perSeller: 800 },
};

const cny = (amountMinor: number) => money(amountMinor, 'CNY');

/**
 * The order's price in CNY, line by line:
 * - items: unit price × quantity;
 * - domestic shipping: one parcel per seller, charged at the highest fee among that seller's
 *   products in the order (the seller ships them together to the warehouse);
 * - service fee: a percentage of the items with a minimum;
 * - value-added services: per line (extra QC photos) or per seller parcel (careful packing);
 * - cash-on-delivery fee when paying on delivery; discounts (negative; none yet).
 */
export function priceOrder(
  lines: readonly PricingLine[],
  services: readonly ValueAddedService[],
  options: { cashOnDelivery: boolean },
  settings: PricingSettings,
): { breakdown: OrderBreakdown; totalCny: number } {
  if (lines.length === 0) throw new Error('An order needs at least one line');
  const items = lines.reduce((sum, l) => sum + l.unitPriceCny * l.quantity, 0);
  const shippingBySeller = new Map<number, number>();
  for (const line of lines) {
    shippingBySeller.set(line.sellerId, Math.max(shippingBySeller.get(line.sellerId) ?? 0, line.domesticShippingCny));
  }
  const domesticShipping = [...shippingBySeller.values()].reduce((a, b) => a + b, 0);
  const serviceFee = Math.max(percentOf(cny(items), settings.serviceFeePercent).amountMinor, settings.serviceFeeMinCny);
  const valueAddedServices = [...new Set(services)].reduce((sum, service) => {
    const price = servicePrices[service];
    return sum + (price.perLine ?? 0) * lines.length + (price.perSeller ?? 0) * shippingBySeller.size;
  }, 0);
  const breakdown: OrderBreakdown = {
    items,
    domesticShipping,
    serviceFee,
    valueAddedServices,
    codFee: options.cashOnDelivery ? settings.codFeeCny : 0,
    discount: 0,
  };
  const totalCny = Object.values(breakdown).reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(totalCny)) throw new Error('Order total overflows');
  return { breakdown, totalCny };
}

export type ConvertedBreakdown = { lines: Record<keyof OrderBreakdown, Money>; total: Money };

/**
 * The breakdown at the pinned rate: the total is the single half-even rounding of the exact CNY
 * total, and the lines are adjusted to add up to it (convertBreakdown). The items row keeps its own
 * rounding (the cart's subtotal) while a fee row can take the difference, so it does not change as
 * services are ticked.
 */
export function convertOrderBreakdown(breakdown: OrderBreakdown, currency: CurrencyCode, rate: string): ConvertedBreakdown {
  const lines = Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, cny(v)])) as Record<keyof OrderBreakdown, Money<'CNY'>>;
  return convertBreakdown(lines, 'CNY', currency, rate, { keep: ['items'] });
}

/** A CNY amount at an order's pinned rate (refunds, top-ups, reporting). */
export function atPinnedRate(amountCny: number, currency: CurrencyCode, rate: string): Money {
  return convert(cny(amountCny), currency, rate);
}
