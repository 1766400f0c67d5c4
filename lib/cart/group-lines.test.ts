import { describe, expect, it } from 'vitest';
import { cartSignature, groupBySeller, summarizeCart } from './group-lines';
import type { CartLine } from './types';

let nextId = 1;
function line(over: Partial<CartLine>): CartLine {
  const id = nextId++;
  return {
    id,
    skuId: id * 10,
    productId: id,
    slug: `p-${id}`,
    title: `Product ${id}`,
    titleLang: { lang: 'en', isFallback: false },
    attributes: [],
    imageKey: null,
    unitPriceCny: 1000,
    quantity: 1,
    remark: null,
    sellable: 10,
    isActive: true,
    sellerId: 1,
    sellerName: 'Seller 1',
    domesticShippingCny: 0,
    weightGrams: 300,
    goods: [],
    ...over,
  };
}

describe('groupBySeller', () => {
  it('groups by seller in the order of each seller’s first line, keeping line order', () => {
    const lines = [
      line({ sellerId: 2, sellerName: 'B' }),
      line({ sellerId: 1, sellerName: 'A' }),
      line({ sellerId: 2, sellerName: 'B' }),
    ];
    const groups = groupBySeller(lines);
    expect(groups.map((g) => g.sellerName)).toEqual(['B', 'A']);
    expect(groups[0]!.lines.map((l) => l.id)).toEqual([lines[0]!.id, lines[2]!.id]);
  });

  it('adds up the items and charges one parcel per seller at its highest domestic fee (like priceOrder)', () => {
    const groups = groupBySeller([
      line({ sellerId: 1, unitPriceCny: 1250, quantity: 2, domesticShippingCny: 600 }),
      line({ sellerId: 1, unitPriceCny: 990, quantity: 1, domesticShippingCny: 800 }),
      line({ sellerId: 3, unitPriceCny: 100, quantity: 3, domesticShippingCny: 0 }),
    ]);
    expect(groups.map((g) => [g.itemsCny, g.domesticShippingCny])).toEqual([
      [3490, 800],
      [300, 0],
    ]);
  });
});

describe('cartSignature', () => {
  it('ignores line order and changes with any quantity', () => {
    const a = [line({ skuId: 5, quantity: 1 }), line({ skuId: 3, quantity: 2 })];
    expect(cartSignature(a)).toBe('3x2.5x1');
    expect(cartSignature([...a].reverse())).toBe(cartSignature(a));
    expect(cartSignature([line({ skuId: 5, quantity: 1 }), line({ skuId: 3, quantity: 3 })])).not.toBe(cartSignature(a));
  });
});

describe('summarizeCart', () => {
  it('counts units, not lines, for the badge', () => {
    const cart = summarizeCart(7, [line({ quantity: 2, unitPriceCny: 500 }), line({ quantity: 3, unitPriceCny: 100, sellerId: 2 })]);
    expect(cart).toMatchObject({ id: 7, itemCount: 5, itemsCny: 1300 });
    expect(cart.groups).toHaveLength(2);
  });

  it('is empty without lines', () => {
    expect(summarizeCart(null, [])).toMatchObject({ id: null, itemCount: 0, itemsCny: 0, groups: [], signature: '' });
  });
});
