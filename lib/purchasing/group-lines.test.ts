import { describe, expect, it } from 'vitest';
import { mergePurchaseLines, selectSellerGroup } from './group-lines';

const line = (id: number, sellerId: number, skuId: number) => ({ id, sellerId, skuId });

describe('selectSellerGroup', () => {
  it("takes the oldest line's seller and all of that seller's queued lines, skipping other sellers", () => {
    const queue = [line(1, 7, 100), line(2, 8, 200), line(3, 7, 101), line(4, 7, 100), line(5, 8, 201)];
    expect(selectSellerGroup(queue).map((l) => l.id)).toEqual([1, 3, 4]);
    expect(selectSellerGroup([])).toEqual([]);
  });

  it('stops adding new SKUs at 100 but keeps merging lines of SKUs already in the group', () => {
    const queue = Array.from({ length: 130 }, (_, i) => line(i + 1, 1, 1000 + i));
    // A later line of the first SKU (another order of the same SKU) still belongs to this group.
    queue.push(line(500, 1, 1000));
    const group = selectSellerGroup(queue);
    expect(new Set(group.map((l) => l.skuId)).size).toBe(100);
    expect(group).toHaveLength(101);
    expect(group.at(-1)!.id).toBe(500);
    expect(group.some((l) => l.skuId === 1100)).toBe(false);
    // What is left makes the next group: the other 30 SKUs.
    const rest = queue.filter((l) => !group.includes(l));
    expect(selectSellerGroup(rest)).toHaveLength(30);
  });

  it('honours a smaller cap', () => {
    const queue = [line(1, 1, 10), line(2, 1, 11), line(3, 1, 12), line(4, 1, 10)];
    expect(selectSellerGroup(queue, 2).map((l) => l.id)).toEqual([1, 2, 4]);
  });
});

describe('mergePurchaseLines', () => {
  it('adds up the quantities of one upstream SKU and keeps first-seen order', () => {
    const merged = mergePurchaseLines([
      { offerId: 'A', sourceSkuId: '1', specId: 's1', quantity: 2 },
      { offerId: 'B', sourceSkuId: '9', specId: null, quantity: 1 },
      { offerId: 'A', sourceSkuId: '1', specId: 's1', quantity: 3 },
      { offerId: 'A', sourceSkuId: '2', specId: 's2', quantity: 1 },
    ]);
    expect(merged).toEqual([
      { offerId: 'A', sourceSkuId: '1', specId: 's1', quantity: 5 },
      { offerId: 'B', sourceSkuId: '9', specId: null, quantity: 1 },
      { offerId: 'A', sourceSkuId: '2', specId: 's2', quantity: 1 },
    ]);
  });

  it('does not change the lines it was given', () => {
    const input = [
      { offerId: 'A', sourceSkuId: '1', specId: null, quantity: 1 },
      { offerId: 'A', sourceSkuId: '1', specId: null, quantity: 1 },
    ];
    mergePurchaseLines(input);
    expect(input[0]!.quantity).toBe(1);
  });
});
