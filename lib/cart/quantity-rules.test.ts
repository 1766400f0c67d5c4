import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertQuantityShape, assertWithinStock, lineLimit, normaliseRemark, planMerge } from './quantity-rules';

function thrown(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('lineLimit', () => {
  it('is the sellable count, never negative, never past placeOrder’s 999 per line', () => {
    expect(lineLimit(5)).toBe(5);
    expect(lineLimit(-3)).toBe(0);
    expect(lineLimit(5000)).toBe(999);
  });
});

describe('assertWithinStock', () => {
  it('accepts up to the sellable units', () => {
    expect(() => assertWithinStock(5, 5, 1)).not.toThrow();
  });

  it('refuses one more with out_of_stock, saying what the line may hold and holds', () => {
    const error = thrown(() => assertWithinStock(6, 5, 42, 4));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toEqual({ skuId: 42, available: 5, inCart: 4 });
  });

  it('reports 0 available when reservations exceed the stock', () => {
    expect(thrown(() => assertWithinStock(1, -2, 7)).details).toMatchObject({ available: 0 });
  });
});

describe('assertQuantityShape', () => {
  it.each([0, -1, 1.5, 1000, Number.NaN])('refuses %s', (quantity) => {
    expect(thrown(() => assertQuantityShape(quantity)).code).toBe('validation_failed');
  });
  it('accepts 1 and 999', () => {
    expect(() => assertQuantityShape(1)).not.toThrow();
    expect(() => assertQuantityShape(999)).not.toThrow();
  });
});

describe('normaliseRemark', () => {
  it('trims, collapses whitespace and stores empty as null', () => {
    expect(normaliseRemark('  if red is gone,\n take blue ')).toBe('if red is gone, take blue');
    expect(normaliseRemark('   ')).toBeNull();
    expect(normaliseRemark(undefined)).toBeNull();
  });

  it('counts characters, not UTF-16 units: 300 emoji fit, 301 do not', () => {
    expect(normaliseRemark('😀'.repeat(300))).toHaveLength(600);
    expect(thrown(() => normaliseRemark('x'.repeat(301))).code).toBe('validation_failed');
  });
});

describe('planMerge', () => {
  const stock = (entries: [number, number][]) => new Map(entries);

  it('sums quantities of the same SKU and inserts the guest’s other lines', () => {
    const plan = planMerge(
      [{ id: 1, skuId: 10, quantity: 2, remark: null }],
      [
        { skuId: 10, quantity: 3, remark: 'blue if no red' },
        { skuId: 11, quantity: 1, remark: null },
      ],
      stock([
        [10, 50],
        [11, 50],
      ]),
    );
    expect(plan).toEqual({
      updates: [{ id: 1, quantity: 5, remark: 'blue if no red' }],
      inserts: [{ skuId: 11, quantity: 1, remark: null }],
      capped: [],
    });
  });

  it('caps the sum at the sellable units and reports the SKU', () => {
    const plan = planMerge([{ id: 1, skuId: 10, quantity: 2, remark: null }], [{ skuId: 10, quantity: 5, remark: null }], stock([[10, 4]]));
    expect(plan.updates).toEqual([{ id: 1, quantity: 4, remark: null }]);
    expect(plan.capped).toEqual([10]);
  });

  it('never shrinks the user’s own line, even when the stock fell below it', () => {
    const plan = planMerge([{ id: 1, skuId: 10, quantity: 6, remark: 'mine' }], [{ skuId: 10, quantity: 2, remark: 'guest' }], stock([[10, 3]]));
    expect(plan.updates).toEqual([]);
    expect(plan.capped).toEqual([10]);
  });

  it('drops guest lines that cannot be sold (sold out, off sale, unknown)', () => {
    const plan = planMerge(
      [],
      [
        { skuId: 10, quantity: 1, remark: null },
        { skuId: 11, quantity: 2, remark: null },
      ],
      stock([[10, 0]]),
    );
    expect(plan.inserts).toEqual([]);
    expect(plan.capped).toEqual([10, 11]);
  });

  it('keeps the user’s remark over the guest’s', () => {
    const plan = planMerge([{ id: 1, skuId: 10, quantity: 1, remark: 'mine' }], [{ skuId: 10, quantity: 1, remark: 'guest' }], stock([[10, 9]]));
    expect(plan.updates).toEqual([{ id: 1, quantity: 2, remark: 'mine' }]);
  });

  it('stops adding new lines at the cart’s line limit', () => {
    const plan = planMerge(
      [{ id: 1, skuId: 10, quantity: 1, remark: null }],
      [
        { skuId: 11, quantity: 1, remark: null },
        { skuId: 12, quantity: 1, remark: null },
      ],
      stock([
        [11, 9],
        [12, 9],
      ]),
      2,
    );
    expect(plan.inserts.map((l) => l.skuId)).toEqual([11]);
    expect(plan.capped).toEqual([12]);
  });
});
