import { atPinnedRate } from '@/lib/checkout/pricing';
import type { CurrencyCode } from '@/lib/money/currencies';
import type { PurchasePreview } from '@/lib/suppliers/types';

/** A Ferry order line inside a purchase order, with what the shopper paid per unit (CNY minor units). */
export type PaidLine = { orderItemId: number; orderId: number; offerId: string; sourceSkuId: string; quantity: number; paidUnitMinor: number };

export type RisenLine = PaidLine & { upstreamUnitMinor: number };

export type PriceCheck = {
  paidGoodsMinor: number;
  /** Lines whose upstream unit price is above what the shopper paid. */
  risen: RisenLine[];
  /** Lines the preview did not price at all (the SKU vanished upstream): staff must look. */
  unpriced: PaidLine[];
  /** The upstream asks more for the goods than the shopper paid: buy nothing, ask the shopper. */
  isRise: boolean;
};

const skuKey = (offerId: string, sourceSkuId: string) => `${offerId}\u0000${sourceSkuId}`;

/**
 * Compares a preview with what the shoppers paid. The decision is on the goods total (a rise on one
 * line offset by a drop on another is absorbed); the request to the shopper names only the lines
 * that rose, each at its own difference.
 */
export function checkPreviewPrices(lines: readonly PaidLine[], preview: PurchasePreview): PriceCheck {
  const upstream = new Map(preview.lines.map((l) => [skuKey(l.offerId, l.sourceSkuId), l.unitPriceMinor]));
  const paidGoodsMinor = lines.reduce((sum, l) => sum + l.paidUnitMinor * l.quantity, 0);
  const risen: RisenLine[] = [];
  const unpriced: PaidLine[] = [];
  for (const line of lines) {
    const unit = upstream.get(skuKey(line.offerId, line.sourceSkuId));
    if (unit === undefined) unpriced.push(line);
    else if (unit > line.paidUnitMinor) risen.push({ ...line, upstreamUnitMinor: unit });
  }
  return { paidGoodsMinor, risen, unpriced, isRise: preview.goodsMinor > paidGoodsMinor && risen.length > 0 };
}

export type DifferenceLine = { orderItemId: number; quantity: number; paidUnitMinor: number; upstreamUnitMinor: number };
export type DifferenceRequest = { orderId: number; amountCnyMinor: number; lines: DifferenceLine[] };

/** One request per Ferry order: each shopper pays (or declines) only their own lines. */
export function differenceRequests(risen: readonly RisenLine[]): DifferenceRequest[] {
  const byOrder = new Map<number, DifferenceRequest>();
  for (const line of risen) {
    const request = byOrder.get(line.orderId) ?? { orderId: line.orderId, amountCnyMinor: 0, lines: [] };
    request.amountCnyMinor += (line.upstreamUnitMinor - line.paidUnitMinor) * line.quantity;
    request.lines.push({ orderItemId: line.orderItemId, quantity: line.quantity, paidUnitMinor: line.paidUnitMinor, upstreamUnitMinor: line.upstreamUnitMinor });
    byOrder.set(line.orderId, request);
  }
  return [...byOrder.values()];
}

/**
 * A CNY amount in the order's charge currency at its pinned rate, rounded half-even once for the
 * whole request (never per line): what the shopper pays for a difference or gets back for lines.
 */
export function atOrderRate(amountCnyMinor: number, order: { chargeCurrency: string; chargeRate: string }): number {
  return atPinnedRate(amountCnyMinor, order.chargeCurrency as CurrencyCode, order.chargeRate).amountMinor;
}

/** What the shopper paid for some lines (CNY minor units), from the order's own unit prices. */
export const linesTotalCny = (lines: readonly { quantity: number; unitPriceCnyMinor: number }[]) =>
  lines.reduce((sum, l) => sum + l.unitPriceCnyMinor * l.quantity, 0);

/**
 * The refund for declined lines: their price at the pinned rate; but when the last open line of
 * the order goes, everything still unrefunded of the order's charge (fees and shipping included,
 * since nothing will be bought) — so the refunds of one order add up to its charge exactly.
 */
export function declineRefundMinor(
  order: { chargeCurrency: string; chargeRate: string; chargeMinor: number },
  declinedCny: number,
  earlierRefundsMinor: number,
  isLastLine: boolean,
): number {
  const remaining = Math.max(0, order.chargeMinor - earlierRefundsMinor);
  return isLastLine ? remaining : Math.min(remaining, atOrderRate(declinedCny, order));
}
