import { describe, expect, it } from 'vitest';
import { normalizeGoods, readGoods, unionGoods } from './goods';

describe('unionGoods', () => {
  it('is every good of every item, once, in the shipping goods order', () => {
    expect(unionGoods([['magnet', 'battery'], [], ['liquid', 'battery']])).toEqual(['battery', 'liquid', 'magnet']);
  });
  it('is nothing for items holding nothing, or no items', () => {
    expect(unionGoods([[], []])).toEqual([]);
    expect(unionGoods([])).toEqual([]);
  });
});

describe('readGoods', () => {
  it('reads a JSON column whether the driver parsed it or not', () => {
    expect(readGoods('["liquid","battery"]')).toEqual(['battery', 'liquid']);
    expect(readGoods(['powder'])).toEqual(['powder']);
  });
  it('tells "never set" (null) from "set to nothing" ([])', () => {
    expect(readGoods(null)).toBeNull();
    expect(readGoods('[]')).toEqual([]);
  });
  it('drops values that are not goods', () => {
    expect(normalizeGoods(['battery', 'plutonium', 3])).toEqual(['battery']);
  });
});
