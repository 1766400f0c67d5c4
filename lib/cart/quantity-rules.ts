import { AppError } from '@/lib/errors';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, MAX_REMARK_LENGTH } from './types';

/** Units of a SKU a cart line may hold: what can be sold now, never past placeOrder's per-line limit. */
export function lineLimit(sellable: number): number {
  return Math.max(0, Math.min(sellable, MAX_LINE_QUANTITY));
}

export function assertQuantityShape(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw new AppError('validation_failed', `Quantity must be 1 to ${MAX_LINE_QUANTITY}`, { field: 'quantity' });
  }
}

/**
 * Refuses a line quantity the stock cannot fill. `available` in the details is the most the line
 * may hold; `inCart` what it holds now, so "add 3" can say "you already have 2".
 */
export function assertWithinStock(quantity: number, sellable: number, skuId: number, inCart = 0): void {
  const available = lineLimit(sellable);
  if (quantity > available) {
    throw new AppError('out_of_stock', `Only ${available} of SKU ${skuId} can be bought now`, { skuId, available, inCart });
  }
}

/** A remark as stored: trimmed, empty → null, at most 300 characters (longer is refused, not cut). */
export function normaliseRemark(remark: string | null | undefined): string | null {
  const text = (remark ?? '').replace(/\s+/g, ' ').trim();
  if ([...text].length > MAX_REMARK_LENGTH) {
    throw new AppError('validation_failed', `A remark has at most ${MAX_REMARK_LENGTH} characters`, { field: 'remark' });
  }
  return text || null;
}

export type ExistingLine = { id: number; skuId: number; quantity: number; remark: string | null };
export type IncomingLine = { skuId: number; quantity: number; remark: string | null };

export type MergePlan = {
  updates: { id: number; quantity: number; remark: string | null }[];
  inserts: IncomingLine[];
  /** SKUs whose guest units could not all be kept (stock, the per-line limit or the cart's line limit). */
  capped: number[];
};

/**
 * How a guest cart folds into the user's cart at sign-in: quantities of the same SKU are summed and
 * capped at what can be sold now. The cap applies to the units the guest brings, never to the
 * user's own line: a line the user already had is not shrunk by signing in (the cart page shows
 * it as over the stock). The user's remark wins; the guest's fills an empty one. New lines stop at
 * the cart's line limit.
 */
export function planMerge(
  userLines: readonly ExistingLine[],
  guestLines: readonly IncomingLine[],
  sellable: ReadonlyMap<number, number>,
  maxLines = MAX_CART_LINES,
): MergePlan {
  const plan: MergePlan = { updates: [], inserts: [], capped: [] };
  const mine = new Map(userLines.map((line) => [line.skuId, line]));
  let lineCount = userLines.length;
  for (const guest of guestLines) {
    const own = mine.get(guest.skuId);
    const current = own?.quantity ?? 0;
    const wanted = current + guest.quantity;
    const target = Math.max(current, Math.min(wanted, lineLimit(sellable.get(guest.skuId) ?? 0)));
    const isNewLineAllowed = own !== undefined || lineCount < maxLines;
    if (target < wanted || (!isNewLineAllowed && target > 0)) plan.capped.push(guest.skuId);
    if (own) {
      const remark = own.remark ?? guest.remark;
      if (target !== current || remark !== own.remark) plan.updates.push({ id: own.id, quantity: target, remark });
    } else if (target > 0 && isNewLineAllowed) {
      plan.inserts.push({ skuId: guest.skuId, quantity: target, remark: guest.remark });
      lineCount += 1;
    }
  }
  return plan;
}
