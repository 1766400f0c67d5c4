import type { PurchaseLine } from '@/lib/suppliers/types';

/** 1688 takes at most 100 SKUs in one order; other platforms' connectors split no further. */
export const MAX_SKUS_PER_PURCHASE = 100;

export type QueuedLine = { id: number; sellerId: number; skuId: number };

/**
 * The next upstream order out of the queue. `queue` is oldest first (by payment time); the group
 * is the oldest line's seller, taking that seller's lines in queue order while they fit: a SKU
 * already in the group always fits (its units merge into one upstream line), a new SKU only
 * while fewer than `maxSkus` distinct SKUs are in. Lines left out wait for the next group.
 */
export function selectSellerGroup<T extends QueuedLine>(queue: readonly T[], maxSkus = MAX_SKUS_PER_PURCHASE): T[] {
  const first = queue[0];
  if (!first) return [];
  const skus = new Set<number>();
  const group: T[] = [];
  for (const line of queue) {
    if (line.sellerId !== first.sellerId) continue;
    if (!skus.has(line.skuId)) {
      if (skus.size >= maxSkus) continue;
      skus.add(line.skuId);
    }
    group.push(line);
  }
  return group;
}

/**
 * Lines of several Ferry orders for the same upstream SKU become one upstream line (the seller
 * ships one lot; 1688 rejects the same spec twice in an order). First-seen order is kept.
 */
export function mergePurchaseLines(lines: readonly PurchaseLine[]): PurchaseLine[] {
  const merged = new Map<string, PurchaseLine>();
  for (const line of lines) {
    const key = `${line.offerId}\u0000${line.sourceSkuId}\u0000${line.specId ?? ''}`;
    const known = merged.get(key);
    if (known) known.quantity += line.quantity;
    else merged.set(key, { ...line });
  }
  return [...merged.values()];
}
