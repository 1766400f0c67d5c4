import { atOrderRate } from '@/lib/purchasing/amounts';

/**
 * One returned item's refund in the order's charge currency: its unit price × quantity in CNY at
 * the order's pinned rate (rounded half-even once), never more than what is still refundable of
 * the order's charge (earlier refunds subtracted), never negative.
 */
export function itemRefundMinor(item: { quantity: number; unitPriceCnyMinor: number }, order: { chargeCurrency: string; chargeRate: string }, refundableMinor: number): number {
  return Math.max(0, Math.min(refundableMinor, atOrderRate(item.unitPriceCnyMinor * item.quantity, order)));
}
