import { atOrderRate } from '@/lib/purchasing/amounts';
import { convert, invertRate } from '@/lib/money/convert';
import { money } from '@/lib/money/money';
import type { CurrencyCode } from '@/lib/money/currencies';

type PinnedOrder = { chargeCurrency: string; chargeRate: string };
export type RefundLine = { orderItemId: number; quantity: number; unitPriceCnyMinor: number };
export type AllocatedRefund = { amountMinor: number; amountCnyMinor: number; lines: { orderItemId: number; amountMinor: number }[] };

/**
 * A refund of some lines: their CNY price converted once at the order's pinned rate (rounding once,
 * on the sum, so three lines never drift by a cent each), capped at what is still refundable, then
 * shared back across the lines by their CNY weight (largest remainder), so the lines add up to the
 * refund exactly.
 */
export function allocateItemsRefund(lines: readonly RefundLine[], order: PinnedOrder, refundableMinor: number): AllocatedRefund {
  const cnyOf = (line: RefundLine) => line.unitPriceCnyMinor * line.quantity;
  const totalCny = lines.reduce((sum, line) => sum + cnyOf(line), 0);
  const priced = atOrderRate(totalCny, order);
  const amountMinor = Math.max(0, Math.min(refundableMinor, priced));
  return {
    amountMinor,
    amountCnyMinor: amountMinor === priced ? totalCny : cnyEquivalent(amountMinor, order),
    lines: share(lines.map((line) => ({ orderItemId: line.orderItemId, weight: cnyOf(line) })), amountMinor),
  };
}

/** Splits `amountMinor` across weighted lines: floor each share, hand the remainder out to the largest fractions. */
export function share(lines: readonly { orderItemId: number; weight: number }[], amountMinor: number): { orderItemId: number; amountMinor: number }[] {
  const totalWeight = lines.reduce((sum, line) => sum + line.weight, 0);
  if (totalWeight <= 0) return lines.map((line, index) => ({ orderItemId: line.orderItemId, amountMinor: index === 0 ? amountMinor : 0 }));
  const exact = lines.map((line) => (amountMinor * line.weight) / totalWeight);
  const floors = exact.map(Math.floor);
  let left = amountMinor - floors.reduce((sum, value) => sum + value, 0);
  const byFraction = exact.map((value, index) => ({ index, fraction: value - floors[index]! })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of byFraction) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return lines.map((line, index) => ({ orderItemId: line.orderItemId, amountMinor: floors[index]! }));
}

/** What a charge-currency amount is worth in CNY at the order's pinned rate (for finance's CNY columns). */
export function cnyEquivalent(amountMinor: number, order: PinnedOrder): number {
  return convert(money(amountMinor, order.chargeCurrency as CurrencyCode), 'CNY', invertRate(order.chargeRate)).amountMinor;
}

/**
 * What is still refundable of an order's charge: what the card and the wallet paid, less card
 * refunds (the larger of what the ledger confirmed and what Ferry requested — the ledger also holds
 * refunds made before the refunds table, e.g. declined price differences) and wallet refunds.
 * `cardRefundable` is how much of it may still go back to the card: never more than the card paid
 * less what went back to it (an order paid partly from the balance gets the rest back there).
 */
export function refundableParts(input: { cardPaidMinor: number; walletPaidMinor: number; ledgerRefundedMinor: number; cardRequestedMinor: number; walletRefundedMinor: number }): { refundable: number; cardRefundable: number } {
  const cardRefunded = Math.max(input.ledgerRefundedMinor, input.cardRequestedMinor);
  const refundable = Math.max(0, input.cardPaidMinor + input.walletPaidMinor - cardRefunded - input.walletRefundedMinor);
  return { refundable, cardRefundable: Math.min(refundable, Math.max(0, input.cardPaidMinor - cardRefunded)) };
}

/**
 * How a refund "to the original payment" splits: to the card as far as the card can take it, the
 * rest to the balance that paid the other part.
 */
export function splitOriginalRefund(amountMinor: number, cardRefundable: number): { cardMinor: number; walletMinor: number } {
  const cardMinor = Math.min(amountMinor, cardRefundable);
  return { cardMinor, walletMinor: amountMinor - cardMinor };
}
