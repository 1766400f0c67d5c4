import { AppError } from '@/lib/errors';

export type DeclaredItem = { itemId: number; paidCnyMinor: number };

/**
 * Each item's customs value in CNY: what was paid for it unless the shopper declares more. A lower
 * value is refused (customs value is never understated for the shopper), as is a value for an item
 * not in the parcel. `total` (the open API's one declared value) is spread over the items in
 * proportion to what they cost, the rounding remainder on the last; it too may not be lower.
 */
export function declaredValues(items: readonly DeclaredItem[], input: { perItem?: readonly { itemId: number; cnyMinor: number }[]; totalCny?: number }): Map<number, number> {
  const values = new Map(items.map((item) => [item.itemId, item.paidCnyMinor]));
  const paidTotal = items.reduce((total, item) => total + item.paidCnyMinor, 0);
  for (const entry of input.perItem ?? []) {
    const paid = values.get(entry.itemId);
    if (paid === undefined) throw new AppError('validation_failed', `Item ${entry.itemId} is not in this parcel`, { field: 'declaredValues' });
    if (!Number.isSafeInteger(entry.cnyMinor) || entry.cnyMinor < paid) {
      throw new AppError('validation_failed', `The declared value of item ${entry.itemId} cannot be lower than what was paid for it`, { field: 'declaredValues', itemId: entry.itemId, minimumCnyMinor: paid });
    }
    values.set(entry.itemId, entry.cnyMinor);
  }
  if (input.totalCny !== undefined) {
    if (!Number.isSafeInteger(input.totalCny) || input.totalCny < paidTotal) {
      throw new AppError('validation_failed', 'The declared value cannot be lower than what was paid for the items', { field: 'declaredValue', minimumCnyMinor: paidTotal });
    }
    let given = 0;
    items.forEach((item, index) => {
      const share = index === items.length - 1 ? input.totalCny! - given : paidTotal === 0 ? 0 : Math.floor((input.totalCny! * item.paidCnyMinor) / paidTotal);
      given += share;
      values.set(item.itemId, share);
    });
  }
  return values;
}
