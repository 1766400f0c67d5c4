import { describe, expect, it } from 'vitest';
import { itemGoods, productGoods } from './product-goods';

describe('productGoods', () => {
  it('takes staff flags over the classifier, even when staff cleared them', () => {
    expect(productGoods({ goodsDetected: '["liquid"]', goodsOverride: '["battery"]' })).toEqual(['battery']);
    expect(productGoods({ goodsDetected: '["liquid"]', goodsOverride: '[]' })).toEqual([]);
    expect(productGoods({ goodsDetected: '["liquid"]', goodsOverride: null })).toEqual(['liquid']);
    expect(productGoods({ goodsDetected: null, goodsOverride: null })).toEqual([]);
  });
});

describe('itemGoods', () => {
  it('starts from the product and follows what the warehouse marked', () => {
    const product = { goodsDetected: ['liquid'], goodsOverride: null };
    expect(itemGoods(null, product)).toEqual(['liquid']);
    expect(itemGoods('["battery"]', product)).toEqual(['battery']);
    expect(itemGoods([], product)).toEqual([]);
  });
});
