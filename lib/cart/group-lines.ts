import type { Cart, CartLine, SellerGroup } from './types';

/** Lines grouped by seller, sellers in the order their first line was added; lines keep their order. */
export function groupBySeller(lines: readonly CartLine[]): SellerGroup[] {
  const groups = new Map<number, SellerGroup>();
  for (const line of lines) {
    let group = groups.get(line.sellerId);
    if (!group) {
      group = { sellerId: line.sellerId, sellerName: line.sellerName, lines: [], itemsCny: 0, domesticShippingCny: 0 };
      groups.set(line.sellerId, group);
    }
    group.lines.push(line);
    group.itemsCny += line.unitPriceCny * line.quantity;
    group.domesticShippingCny = Math.max(group.domesticShippingCny, line.domesticShippingCny);
  }
  return [...groups.values()];
}

/**
 * What a checkout page was rendered for, as SKU×quantity pairs in SKU order. The order is placed
 * only if the cart still says the same, so a line added or changed in another tab is not bought unseen.
 */
export function cartSignature(lines: readonly Pick<CartLine, 'skuId' | 'quantity'>[]): string {
  return [...lines]
    .sort((a, b) => a.skuId - b.skuId)
    .map((line) => `${line.skuId}x${line.quantity}`)
    .join('.');
}

export function summarizeCart(id: number | null, lines: CartLine[]): Cart {
  return {
    id,
    lines,
    groups: groupBySeller(lines),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    itemsCny: lines.reduce((sum, line) => sum + line.unitPriceCny * line.quantity, 0),
    signature: cartSignature(lines),
  };
}
